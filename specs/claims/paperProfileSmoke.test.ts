import { describe } from 'vitest';
import { paperSmokeTests } from '../support/paperSmoke.js';

describe('paper profile smoke (tiny CIFAR-format data)', () => {
  paperSmokeTests();
});
