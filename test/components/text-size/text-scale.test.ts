import { expect } from '@open-wc/testing';
import { STORAGE_KEY } from '../../../src/text-scale.js';
import { resetScale } from '../../support/reading.js';

type TextScale = typeof import('../../../src/text-scale.js');
let loads = 0;
/** A new copy of the module reads storage the way a fresh page load does. */
const freshModule = (): Promise<TextScale> => import(new URL(`../../../src/text-scale.ts?load=${++loads}`, import.meta.url).href);

describe('text scale storage', () => {
  beforeEach(resetScale);
  afterEach(resetScale);

  it('restores the remembered size on the next page load', async () => {
    localStorage.setItem(STORAGE_KEY, '1.5');
    expect((await freshModule()).getScale()).to.equal(1.5);
  });

  for (const garbage of ['9', 'NaN', '{}', '', '1.3', 'true']) {
    it(`reads the garbage value ${JSON.stringify(garbage)} as 100 %`, async () => {
      localStorage.setItem(STORAGE_KEY, garbage);
      expect((await freshModule()).getScale()).to.equal(1);
    });
  }

  it('keeps working in memory when storage throws (private mode, sandboxed iframe)', async () => {
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const scale = await freshModule();
      expect(scale.getScale()).to.equal(1);
      expect(scale.stepScale(1)).to.be.true;
      expect(scale.getScale()).to.equal(1.125);
      expect(scale.setScale(2)).to.be.true;
      expect(scale.getScale()).to.equal(2);
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
  });
});
