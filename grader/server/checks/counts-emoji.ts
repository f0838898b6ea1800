import { emojiSentence } from '../../random.ts';
import { countCheck } from '../count-check.ts';

// Emoji outside the BMP: four bytes and two UTF-16 units each, so bytes, UTF-16 units and
// characters all differ, and JavaScript's `.length` shows.
export const countsEmoji = countCheck({ id: 'counts-emoji', message: emojiSentence });
