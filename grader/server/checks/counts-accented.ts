import { accentedSentence } from '../../random.ts';
import { countCheck } from '../count-check.ts';

// 'é' is one character but two bytes: tells a code-point count from a byte count.
export const countsAccented = countCheck({ id: 'counts-accented', message: accentedSentence });
