import { paddedSentence } from '../../random.ts';
import { countCheck } from '../count-check.ts';

// Spaces and tabs around a message are characters of it. A server that strip()s before counting
// is told apart here, and only here: every other check's messages start and end with a letter.
export const countsPaddedMessage = countCheck({ id: 'counts-padded-message', message: paddedSentence, extraCodes: ['counts-stripped'] });
