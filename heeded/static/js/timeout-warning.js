// The timeout warning (WCAG 2.2.1, timing adjustable), as GOV.UK's and HMRC's services do:
// a little before the session ends (<body data-app-session-warning-seconds>, two minutes by
// default), a dialog says so and offers to keep it. Its button, or Escape, asks the
// keep-alive address (which renews the session) and starts the clock again.
//
// Every answer that used the session says how long it has left (the
// Heeded-Session-Seconds-Left header), so a request the page makes (htmx) restarts the clock
// too. One session serves every tab, so each tab shares the time it ends in localStorage
// and follows the others' ('storage' events): work in one tab keeps the rest from warning,
// and "Stay signed in" in one closes the warning in all. A tab whose clock runs out does not
// trust it alone (storage may be switched off, or the work done where no tab saw it): it
// asks the status address, which does not renew the session, and leaves for the timed-out
// address only when the session has ended.
//
// The time left is announced (WCAG 4.1.3) in the dialog's status region on opening, then as
// each minute and the last 30 and 15 seconds pass: not every second, which would leave a
// screen reader no room to read anything else. Pages without the data attributes (signed
// out, or a public page with no answers kept) have no clock. No inline script: loaded with
// <script src defer> (strict CSP).
(function () {
  'use strict'

  var body = document.body
  var dialog = document.querySelector('[data-app-timeout-dialog]')
  // Set by the page after "Sign out" (<body data-app-signed-out>): every other tab of the
  // site leaves what it shows (a case, on a shared computer) for the sign-in page. Written
  // by that page, which stays, not as the form is sent, when a write can be lost with the
  // page that made it. The time makes each sign-out a change the others hear of.
  var SIGNED_OUT_KEY = 'heeded-signed-out'
  if (body && body.hasAttribute('data-app-signed-out')) share(SIGNED_OUT_KEY, Date.now())
  if (!body || !dialog || !body.dataset.appSessionSeconds) return
  if (typeof dialog.showModal !== 'function') return // very old browsers: no warning

  var HEADER = 'Heeded-Session-Seconds-Left'
  // When the session ends, in milliseconds since 1970: the same for every tab of the site.
  var SHARED_KEY = 'heeded-session-ends-at'
  // A status region is read out when it changes, not when it appears: fill it a moment
  // after the dialog opens.
  var ANNOUNCE_AFTER_MS = 500
  // With no connection at the end, ask again after this long rather than every second.
  var RETRY_AFTER_MS = 5000
  var warningSeconds = parseInt(body.dataset.appSessionWarningSeconds, 10) || 120
  var keepAliveUrl = body.dataset.appSessionKeepAliveUrl
  var statusUrl = body.dataset.appSessionStatusUrl
  var timedOutUrl = body.dataset.appSessionTimedOutUrl
  var signedOutUrl = body.dataset.appSessionSignedOutUrl
  var countdown = dialog.querySelector('[data-app-timeout-countdown]')
  var announcement = dialog.querySelector('[data-app-timeout-announcement]')
  var extendButton = dialog.querySelector('[data-app-timeout-extend]')
  var endsAt = 0
  var ticker = null
  var asking = false
  var askAgainAt = 0
  var announcing = false
  var announcedBand = null

  function inWords (seconds) {
    if (seconds > 60) {
      var minutes = Math.ceil(seconds / 60)
      return minutes + ' minutes'
    }
    if (seconds === 60) return '1 minute'
    return seconds + ' second' + (seconds === 1 ? '' : 's')
  }

  // Where the status region speaks again: as each minute begins, then with 30 and 15
  // seconds left. Between two of these the band is the same, and it stays quiet.
  function band (seconds) {
    if (seconds > 60) return Math.ceil(seconds / 60) * 60
    if (seconds > 30) return 60
    if (seconds > 15) return 30
    return 15
  }

  function announce (seconds) {
    if (!announcing || !announcement || band(seconds) === announcedBand) return
    announcedBand = band(seconds)
    announcement.textContent = announcement.dataset.appTimeoutWords.replace('{time}', inWords(seconds))
  }

  function secondsLeft () {
    return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))
  }

  function share (key, value) {
    try {
      window.localStorage.setItem(key, String(value))
    } catch (error) {
      // Storage switched off: this tab still has its own clock, and asks before leaving.
    }
  }

  // The server's word on how long the session has left, for this tab and the others.
  function start (seconds) {
    endsAt = Date.now() + seconds * 1000
    share(SHARED_KEY, endsAt)
    tick()
  }

  function open () {
    dialog.showModal()
    // The dialog itself, so that its name and words are read out before the button.
    dialog.focus()
    announcedBand = null
    if (announcement) announcement.textContent = ''
    window.setTimeout(function () {
      announcing = dialog.open
      announce(secondsLeft())
    }, ANNOUNCE_AFTER_MS)
  }

  function close () {
    dialog.close()
    announcing = false
  }

  function tick () {
    var left = secondsLeft()
    if (left > warningSeconds) {
      if (dialog.open) close()
      return
    }
    if (!dialog.open) open()
    if (countdown) countdown.textContent = inWords(left)
    announce(left)
    if (left <= 0 && Date.now() >= askAgainAt) ask(statusUrl)
  }

  function leave () {
    window.clearInterval(ticker)
    window.location.href = timedOutUrl
  }

  // Ask the keep-alive or the status address how long is left. Signed out (a redirect to
  // the sign-in page) or answers gone (410): the session has ended.
  function ask (url) {
    if (asking) return
    asking = true
    window.fetch(url, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
      .then(function (response) {
        var seconds = parseInt(response.headers.get(HEADER), 10)
        if (!response.ok || response.type === 'opaqueredirect' || !(seconds >= 0)) {
          leave()
          return
        }
        // Time left: the clock starts again, and the warning closes if there is enough.
        // None left but not ended yet (the server counts whole seconds): the next tick asks
        // again.
        start(seconds)
      })
      .catch(function () {
        // No connection: leave the warning open, so that the person can try again.
        askAgainAt = Date.now() + RETRY_AFTER_MS
      })
      .then(function () { asking = false })
  }

  extendButton.addEventListener('click', function () { ask(keepAliveUrl) })
  // Escape also keeps the session (and the dialog closes only once that is done).
  dialog.addEventListener('cancel', function (event) {
    event.preventDefault()
    ask(keepAliveUrl)
  })

  // A request the page makes (htmx) renews the session as a page does.
  body.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail && event.detail.xhr
    var seconds = xhr && parseInt(xhr.getResponseHeader(HEADER), 10)
    if (seconds > 0) start(seconds)
  })

  // Another tab heard from the server: a page, a request or "Stay signed in" there.
  window.addEventListener('storage', function (event) {
    if (event.key === SIGNED_OUT_KEY && signedOutUrl) {
      window.clearInterval(ticker)
      window.location.href = signedOutUrl
      return
    }
    var time = event.key === SHARED_KEY && parseInt(event.newValue, 10)
    if (time > 0) {
      endsAt = time
      tick()
    }
  })

  // Timers sleep in a hidden tab: look again when it is shown.
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) tick()
  })

  start(parseInt(body.dataset.appSessionSeconds, 10))
  ticker = window.setInterval(tick, 1000)
})()
