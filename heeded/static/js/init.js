// Initialises all GOV.UK Frontend components on the page. Loaded with
// <script type="module">, so it runs after the document is parsed, and only in
// browsers that GOV.UK Frontend supports.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()

// A field shown under a choice (the report's quarter, say) selects that choice when it is
// used: picking a quarter while "A financial year" is still selected must not quietly give
// the whole year. Without JavaScript the choice is made by the radio alone, as before.
for (const panel of document.querySelectorAll('[data-app-chooses]')) {
  const choice = document.getElementById(panel.dataset.appChooses)
  if (!choice) continue
  const select = () => { choice.checked = true }
  panel.addEventListener('change', select)
  panel.addEventListener('input', select)
}
