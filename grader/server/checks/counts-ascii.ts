import { asciiSentence } from '../../random.ts';
import { countCheck } from '../count-check.ts';

export const countsAscii = countCheck({ id: 'counts-ascii', message: asciiSentence });
