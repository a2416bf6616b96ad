/**
 * The sign-in screen: the admin token goes once to `POST /api/session`, which answers with an
 * HttpOnly session cookie. The field is cleared at once and the token is kept nowhere else.
 */
import { ApiError, signIn } from './api.ts';
import { h } from './dom.ts';

export function signInView(onSignedIn: () => void): HTMLElement {
  const input = h('input', { id: 'admin-token', name: 'token', type: 'password', autocomplete: 'current-password', required: true, spellcheck: 'false', 'aria-describedby': 'admin-token-help' });
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to the Conclave coordinator'),
    h('label', { for: 'admin-token' }, 'Admin token'),
    input,
    h('p', { id: 'admin-token-help', class: 'muted' }, 'Printed by `conclave serve` and kept in the admin-token file of its data directory. It is sent once; the browser then holds a session cookie that scripts cannot read.'),
    error,
    button,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value;
    input.value = '';
    button.disabled = true;
    error.hidden = true;
    signIn(token)
      .then(onSignedIn)
      .catch((err: unknown) => {
        error.textContent = err instanceof ApiError ? err.message : `Sign-in failed: ${String(err)}`;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  queueMicrotask(() => input.focus());
  return h('main', { id: 'main', class: 'narrow' }, form);
}
