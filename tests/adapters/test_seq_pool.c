/* seq_pool: reading a client's input losses from the text of
 * /proc/asound/seq/clients (as Debian 12's kernel prints it, taken from
 * the vm-midi-test guest), and raising the pool with no sequencer. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "seq_pool.h"

static const char clients[] =
    "Client info\n"
    "  cur  clients : 4\n"
    "  peak clients : 6\n"
    "  max  clients : 192\n"
    "\n"
    "Client   0 : \"System\" [Kernel Legacy]\n"
    "  Port   0 : \"Timer\" (Rwe-)\n"
    "Client  14 : \"Midi Through\" [Kernel Legacy]\n"
    "  Port   0 : \"Midi Through Port-0\" (RWe-)\n"
    "Client 128 : \"Client-128\" [User Legacy]\n"
    "  Port   2 : \"port-2\" (rwe-)\n"
    "    Connecting To: 129:0\n"
    "  Output pool :\n"
    "    Pool size          : 500\n"
    "    Alloc failures     : 3\n"
    "  Input pool :\n"
    "    Pool size          : 200\n"
    "    Cells in use       : 0\n"
    "    Peak cells in use  : 200\n"
    "    Alloc success      : 5600\n"
    "    Alloc failures     : 94400\n"
    "Client 129 : \"nanoKONTROL2\" [User Legacy]\n"
    "  Port   0 : \"nanoKONTROL2 MIDI 1\" (RWe-)\n"
    "  Output pool :\n"
    "    Alloc failures     : 0\n"
    "  Input pool :\n"
    "    Alloc failures     : 7\n";

static void reads_the_input_pool_of_that_client(void **state)
{
    (void)state;
    assert_int_equal(seq_pool_input_failures(clients, 128), 94400);
    assert_int_equal(seq_pool_input_failures(clients, 129), 7);
}

static void output_pool_is_not_taken_for_input(void **state)
{
    (void)state;
    static const char only_output[] =
        "Client 130 : \"x\" [User Legacy]\n"
        "  Output pool :\n"
        "    Alloc failures     : 12\n"
        "Client 131 : \"y\" [User Legacy]\n"
        "  Input pool :\n"
        "    Alloc failures     : 5\n";
    assert_int_equal(seq_pool_input_failures(only_output, 130), -1);
    assert_int_equal(seq_pool_input_failures(only_output, 131), 5);
}

static void missing_client_or_count(void **state)
{
    (void)state;
    assert_int_equal(seq_pool_input_failures(clients, 14), -1); /* kernel */
    assert_int_equal(seq_pool_input_failures(clients, 12), -1);
    assert_int_equal(seq_pool_input_failures(clients, 200), -1);
    assert_int_equal(seq_pool_input_failures(clients, -1), -1);
    assert_int_equal(seq_pool_input_failures("", 128), -1);
    assert_int_equal(seq_pool_input_failures(
        "Client 128 : \"c\" [User]\n  Input pool :\n    Alloc failures"
        "     : lots\n", 128), -1);
}

static void no_sequencer_no_client(void **state)
{
    (void)state;
    if (access("/dev/snd/seq", F_OK) == 0)
        skip(); /* a machine with a sequencer: the VM test covers it */
    assert_int_equal(seq_pool_find_fd(-1), -1);
    assert_int_equal(seq_pool_raise(-1, SEQ_POOL_INPUT_MAX), -1);
}

/* A descriptor that is not a sequencer's is refused, not raised. */
static void not_a_sequencer(void **state)
{
    (void)state;
    int fd = open("/dev/null", O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(seq_pool_raise(fd, SEQ_POOL_INPUT_MAX), -1);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_the_input_pool_of_that_client),
        cmocka_unit_test(output_pool_is_not_taken_for_input),
        cmocka_unit_test(missing_client_or_count),
        cmocka_unit_test(no_sequencer_no_client),
        cmocka_unit_test(not_a_sequencer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
