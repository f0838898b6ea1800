import { cjkSentence } from '../../random.ts';
import { countCheck } from '../count-check.ts';

// Three bytes per character in UTF-8, one UTF-16 unit.
export const countsCjk = countCheck({ id: 'counts-cjk', message: cjkSentence });
