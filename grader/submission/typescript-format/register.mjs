// Loaded with `node --import <tsx> --import <this file> program.ts` (command.ts): registers the
// hooks below after tsx's, so that they see, and may correct, the format tsx chose.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
