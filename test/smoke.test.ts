import { expect } from '@open-wc/testing';
import { parseScale } from '../src/text-scale.js';

describe('smoke', () => {
  it('runs in ' + navigator.userAgent.match(/(Firefox|Chrome)\/\d+/)?.[0], () => {
    expect(parseScale('1.25')).to.equal(1.25);
    expect(parseScale('garbage')).to.equal(1);
  });
});
