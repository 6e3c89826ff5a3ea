// Sends the one-time setup token from the link with the chosen name and password.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('setup');
  const result = document.getElementById('result');
  const token = new URLSearchParams(window.location.search).get('token') || '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = 'Creating…';
    const body = JSON.stringify({
      token,
      username: document.getElementById('username').value,
      password: document.getElementById('password').value,
    });
    try {
      const response = await fetch('/api/setup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      if (response.ok) {
        result.textContent = 'The admin exists now. Log in on the dashboard.';
        form.hidden = true;
      } else {
        const problem = await response.json();
        result.textContent = problem.detail || 'The server refused (' + response.status + ').';
      }
    } catch (e) {
      result.textContent = 'The server cannot be reached.';
    }
  });
});
