/* main: placeholder until the console lands (issue 2). */
#include <stdio.h>

int main(void)
{
    puts("soundboard " SOUNDBOARD_VERSION);
    return 0;
}
