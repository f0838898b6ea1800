import { digitsOnly } from '../../random.ts';
import { countCheck } from '../count-check.ts';

// Digits only: some submissions answer these with another exercise's reply ("Angka ... ganjil").
export const countsDigits = countCheck({ id: 'counts-digits', message: digitsOnly });
