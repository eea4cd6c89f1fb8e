import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import type { RwTextSize } from '../../../src/components/text-size/text-size.js';
import { STORAGE_KEY, getScale, setScale } from '../../../src/text-scale.js';
import { nameOf, resetScale, settled } from '../../support/reading.js';

const parts = (el: RwTextSize) => {
  const root = el.shadowRoot!;
  return {
    group: root.querySelector<HTMLElement>('[part~=group]')!,
    decrease: root.querySelector<HTMLButtonElement>('[part~=decrease]')!,
    increase: root.querySelector<HTMLButtonElement>('[part~=increase]')!,
    reset: root.querySelector<HTMLButtonElement>('[part~=reset]')!,
    status: root.querySelector<HTMLElement>('[part~=status]')!,
  };
};

describe('<rw-text-size>', () => {
  beforeEach(resetScale);
  afterEach(resetScale);

  it('is a labelled group of three buttons whose names contain their visible text', async () => {
    const el = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    const { group, decrease, increase, reset, status } = parts(el);
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Text size');
    expect(nameOf(decrease)).to.equal('A- Decrease text size');
    expect(nameOf(increase)).to.equal('A+ Increase text size');
    expect(nameOf(reset)).to.equal('100% Reset text size');
    for (const button of [decrease, increase, reset]) expect(button.part.contains('button')).to.be.true;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('steps up, down and back to 100 %, announcing each change and remembering it', async () => {
    const el = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    const { decrease, increase, reset, status } = parts(el);
    increase.click();
    await el.updateComplete;
    expect(getScale()).to.equal(1.125);
    expect(status.textContent).to.equal('Text size 112.5%');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal('1.125');
    increase.click();
    await el.updateComplete;
    expect(status.textContent).to.equal('Text size 125%');
    decrease.click();
    decrease.click();
    decrease.click();
    await el.updateComplete;
    expect(getScale()).to.equal(0.875);
    expect(status.textContent).to.equal('Text size 87.5%');
    reset.click();
    await el.updateComplete;
    expect(getScale()).to.equal(1);
    expect(status.textContent).to.equal('Text size 100%');
    expect(reset.getAttribute('aria-disabled')).to.equal('true');
  });

  it('fires rw-text-size-change with the new scale, bubbling out of shadow roots', async () => {
    const el = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    setTimeout(() => parts(el).increase.click());
    const event = await oneEvent(document, 'rw-text-size-change');
    expect(event.detail).to.deep.equal({ scale: 1.125 });
    expect(event.composed && event.bubbles).to.be.true;
  });

  it('at a limit is aria-disabled (not disabled), keeps focus and does nothing', async () => {
    setScale(2);
    const el = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    const { increase, decrease, status } = parts(el);
    expect(increase.getAttribute('aria-disabled')).to.equal('true');
    expect(increase.disabled).to.be.false;
    expect(decrease.getAttribute('aria-disabled')).to.equal('false');
    let fired = 0;
    el.addEventListener('rw-text-size-change', () => fired++);
    increase.focus();
    increase.click();
    await el.updateComplete;
    expect(getScale()).to.equal(2);
    expect(fired).to.equal(0);
    expect(status.textContent).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(increase);

    setScale(0.875);
    await el.updateComplete;
    expect(decrease.getAttribute('aria-disabled')).to.equal('true');
    decrease.click();
    expect(getScale()).to.equal(0.875);
    expect(fired).to.equal(0);
  });

  it('keeps every control on the page in step; only the one used speaks', async () => {
    const wrapper = fixtureSync(html`<div><rw-text-size></rw-text-size><rw-text-size></rw-text-size></div>`);
    await settled(wrapper);
    const [a, b] = [...wrapper.querySelectorAll('rw-text-size')];
    parts(a).increase.click();
    parts(a).increase.click();
    await a.updateComplete;
    await b.updateComplete;
    expect(parts(b).reset.getAttribute('aria-disabled')).to.equal('false');
    expect(parts(a).status.textContent).to.equal('Text size 125%');
    expect(parts(b).status.textContent).to.equal('');
    setScale(2);
    await b.updateComplete;
    expect(parts(b).increase.getAttribute('aria-disabled')).to.equal('true');
  });

  it('a fresh control shows the remembered size', async () => {
    const first = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    parts(first).increase.click();
    first.remove();
    const fresh = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    expect(getScale()).to.equal(1.125);
    expect(parts(fresh).reset.getAttribute('aria-disabled')).to.equal('false');
  });

  it('follows the size chosen in another tab (storage event)', async () => {
    const el = await fixture<RwTextSize>(html`<rw-text-size></rw-text-size>`);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: '2', storageArea: localStorage }));
    await el.updateComplete;
    expect(getScale()).to.equal(2);
    expect(parts(el).increase.getAttribute('aria-disabled')).to.equal('true');
    expect(parts(el).status.textContent).to.equal('');
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: 'garbage', storageArea: localStorage }));
    expect(getScale()).to.equal(1);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in the ${theme} theme, at a limit too`, async () => {
      setScale(2);
      const el = await fixture<RwTextSize>(html`<rw-text-size theme=${theme}></rw-text-size>`);
      await expect(el).to.be.accessible();
    });
  }

  it('works right to left: A+ still increases and reads "A+"', async () => {
    const wrapper = fixtureSync(html`<div dir="rtl" lang="ar"><rw-text-size></rw-text-size></div>`);
    await settled(wrapper);
    const el = wrapper.querySelector('rw-text-size')!;
    await el.updateComplete;
    const { increase, decrease } = parts(el);
    expect(getComputedStyle(parts(el).group).direction).to.equal('rtl');
    // A- comes first in reading order, so it sits on the right.
    expect(decrease.getBoundingClientRect().left).to.be.greaterThan(increase.getBoundingClientRect().left);
    expect(increase.querySelector('bdi')!.textContent).to.equal('A+');
    increase.click();
    expect(getScale()).to.equal(1.125);
    await expect(wrapper).to.be.accessible();
  });
});
