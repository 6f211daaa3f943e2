// Initialises all GOV.UK Frontend components on the page. Loaded with
// <script type="module">, so it runs after the document is parsed, and only in
// browsers that GOV.UK Frontend supports.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()
