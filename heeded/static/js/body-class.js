// Marks the page as JavaScript-enabled, as the GOV.UK page template does, but
// from a file rather than an inline script so that a Content-Security-Policy
// without 'unsafe-inline' allows it. Must be loaded as a classic (non-module,
// non-deferred) script at the very top of <body>, so the classes are set before
// first paint and before GOV.UK Frontend initialises (it checks for
// `govuk-frontend-supported`).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
