import { createAll, initAll } from '/vendor/govuk/govuk-frontend.min.js';
import { FilterToggleButton, initAll as initMoj } from '/vendor/moj/all.bundle.mjs';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
// MoJ components enhance pages that work without them: sortable tables, filters, timelines.
initMoj();
// MoJ's initAll leaves out the filter panel's show/hide button: a filter (data-module="moj-filter")
// folds away behind "Show filter" with JavaScript, and is a plain form without it.
createAll(FilterToggleButton);
