// The demo page's own light/dark switch: the widget follows `data-theme` on <html>.
const toggle = document.querySelector('.theme-toggle');
toggle?.addEventListener('click', () => {
  const root = document.documentElement;
  const dark = root.dataset.theme === 'dark' || (!root.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = dark ? 'light' : 'dark';
  toggle.setAttribute('aria-pressed', String(!dark));
});
