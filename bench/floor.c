/* floor: the least an SDL2 program with a window and text can cost, the
 * floor scripts/bench compares soundboard with: one window, one line of
 * SDL2_ttf text, SDL's software renderer (SDL_FRAMEBUFFER_ACCELERATION=0),
 * asleep in SDL_WaitEvent; each key press redraws the line (so "CPU while
 * a fader moves" has a floor too).
 *   floor FONT.ttf [WxH] */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

static void draw(SDL_Renderer *r, TTF_Font *f, int n)
{
    char line[64];
    snprintf(line, sizeof line, "soundboard floor: %d keys", n);
    SDL_SetRenderDrawColor(r, 20, 24, 28, 255);
    SDL_RenderClear(r);
    SDL_Color fg = {230, 230, 230, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, line, fg);
    if (s) {
        SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
        SDL_Rect dst = {40, 40, s->w, s->h};
        SDL_RenderCopy(r, t, NULL, &dst);
        SDL_DestroyTexture(t);
        SDL_FreeSurface(s);
    }
    SDL_RenderPresent(r);
}

int main(int argc, char **argv)
{
    int w = 1280, h = 720;
    if (argc < 2) {
        fprintf(stderr, "usage: floor FONT.ttf [WxH]\n");
        return 2;
    }
    if (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)
        return 2;
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return 1;
    SDL_Window *win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, w, h, 0);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE)
                          : NULL;
    TTF_Font *f = TTF_OpenFont(argv[1], 28);
    if (!r || !f)
        return 1;
    int keys = 0;
    draw(r, f, keys);
    SDL_Event ev;
    while (SDL_WaitEvent(&ev)) {
        if (ev.type == SDL_QUIT)
            break;
        if (ev.type == SDL_KEYDOWN)
            draw(r, f, ++keys);
        else if (ev.type == SDL_WINDOWEVENT
                 && ev.window.event == SDL_WINDOWEVENT_EXPOSED)
            draw(r, f, keys);
    }
    TTF_CloseFont(f);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
