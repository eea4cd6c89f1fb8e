import { expect } from '@open-wc/testing';
import { define } from '../src/define.js';

describe('define', () => {
  it('registers once, silently for the same class, with a warning for another class under the name', () => {
    class First extends HTMLElement {}
    const name = `rw-define-test-${Math.random().toString(36).slice(2, 8)}`;
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      define(name, First);
      define(name, First);
      expect(warnings).to.deep.equal([]);
      expect(() => define(name, class extends HTMLElement {})).not.to.throw();
      expect(customElements.get(name)).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain(`<${name}> is already defined by another class`);
    } finally {
      console.warn = warn;
    }
  });
});
