// The demo page's own light/dark switch: the widget follows `data-theme` on <html>. The button
// says what it will do ("Switch to dark mode"), in the page's language (its data-to-* attributes).
const toggle = document.querySelector('.theme-toggle');
const root = document.documentElement;
const isDark = () => root.dataset.theme === 'dark' || (!root.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
const label = () => {
  if (toggle) toggle.textContent = isDark() ? toggle.dataset.toLight : toggle.dataset.toDark;
};
label();
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', label);
toggle?.addEventListener('click', () => {
  root.dataset.theme = isDark() ? 'light' : 'dark';
  label();
});
