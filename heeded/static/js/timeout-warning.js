// The timeout warning (WCAG 2.2.1, timing adjustable), as GOV.UK's and HMRC's services do:
// a little before the session ends (<body data-app-session-warning-seconds>, two minutes by
// default), a dialog says so and offers to keep it. Its button, or Escape, asks the
// keep-alive address (which renews the session) and starts the clock again; with no
// answer, the page goes to the timed-out address when the session has ended.
//
// Every answer that used the session says how long it has left (the
// Heeded-Session-Seconds-Left header), so a request the page makes (htmx) restarts the clock
// too. Pages without the data attributes (signed out, or a public page with no answers kept)
// have no clock. No inline script: loaded with <script src defer> (strict CSP).
(function () {
  'use strict'

  var body = document.body
  var dialog = document.querySelector('[data-app-timeout-dialog]')
  if (!body || !dialog || !body.dataset.appSessionSeconds) return
  if (typeof dialog.showModal !== 'function') return // very old browsers: no warning

  var HEADER = 'Heeded-Session-Seconds-Left'
  var warningSeconds = parseInt(body.dataset.appSessionWarningSeconds, 10) || 120
  var keepAliveUrl = body.dataset.appSessionKeepAliveUrl
  var timedOutUrl = body.dataset.appSessionTimedOutUrl
  var countdown = dialog.querySelector('[data-app-timeout-countdown]')
  var extendButton = dialog.querySelector('[data-app-timeout-extend]')
  var endsAt = 0
  var ticker = null
  var extending = false

  function inWords (seconds) {
    if (seconds > 60) {
      var minutes = Math.ceil(seconds / 60)
      return minutes + ' minutes'
    }
    if (seconds === 60) return '1 minute'
    return seconds + ' second' + (seconds === 1 ? '' : 's')
  }

  function secondsLeft () {
    return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))
  }

  function start (seconds) {
    endsAt = Date.now() + seconds * 1000
    if (dialog.open) dialog.close()
    tick()
  }

  function tick () {
    var left = secondsLeft()
    if (left <= 0) {
      window.clearInterval(ticker)
      window.location.href = timedOutUrl
      return
    }
    if (left <= warningSeconds) {
      if (countdown) countdown.textContent = inWords(left)
      if (!dialog.open) {
        dialog.showModal()
        // The dialog itself, so that its name and words are read out before the button.
        dialog.focus()
      }
    }
  }

  function extend () {
    if (extending) return
    extending = true
    window.fetch(keepAliveUrl, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
      .then(function (response) {
        var seconds = parseInt(response.headers.get(HEADER), 10)
        if (!response.ok || response.type === 'opaqueredirect' || !(seconds > 0)) {
          // Signed out already, or nothing left to keep.
          window.location.href = timedOutUrl
          return
        }
        start(seconds)
      })
      .catch(function () {
        // No connection: leave the warning open, so that the person can try again.
      })
      .then(function () { extending = false })
  }

  extendButton.addEventListener('click', extend)
  // Escape also keeps the session (and the dialog closes only once that is done).
  dialog.addEventListener('cancel', function (event) {
    event.preventDefault()
    extend()
  })

  // A request the page makes (htmx) renews the session as a page does.
  body.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail && event.detail.xhr
    var seconds = xhr && parseInt(xhr.getResponseHeader(HEADER), 10)
    if (seconds > 0) start(seconds)
  })

  // Timers sleep in a hidden tab: look again when it is shown.
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) tick()
  })

  start(parseInt(body.dataset.appSessionSeconds, 10))
  ticker = window.setInterval(tick, 1000)
})()
