// Display formats shared by the views.

const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** An instant from the API as "24 Nov 2026, 18:49 UTC", or an empty string. */
export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

const STATUS_LABELS = {
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A run status in words. */
export function statusLabel(status) {
  return STATUS_LABELS[status] || status;
}

const KIND_LABELS = {
  forecast: 'Forecast',
  calibration: 'Calibration',
  hindcast: 'Hindcast',
  comparison: 'Comparison',
  sensitivity: 'Sensitivity analysis',
  screening: 'Screening',
  threat: 'Threat outlook',
  update: 'Hypothesis update',
};

/** A run kind in words. */
export function kindLabel(kind) {
  return KIND_LABELS[kind] || kind;
}

const ACTION_LABELS = {
  login: 'Signed in',
  'login.failed': 'Failed to sign in',
  'login.throttled': 'Sign-in refused (too many attempts)',
  logout: 'Signed out',
  setup: 'Created the first administrator',
  'scenario.create': 'Created a scenario',
  'scenario.update': 'Changed a scenario',
  'scenario.delete': 'Deleted a scenario',
  'run.submit': 'Started a run',
  'run.cancel': 'Cancelled a run',
  export: 'Downloaded or exported',
  'user.create': 'Added a user',
  'user.role': 'Changed a role',
  'user.delete': 'Deleted a user',
  'token.create': 'Created an API token',
  'token.revoke': 'Revoked an API token',
};

/** An audit action in words; unknown actions are shown as the server names them. */
export function actionLabel(action) {
  return ACTION_LABELS[action] || action;
}
