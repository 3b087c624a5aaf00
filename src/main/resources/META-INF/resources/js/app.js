// Progressive enhancements; every page works without them.
(function () {
  'use strict';

  // Level 2 event types: offer only those under the chosen Level 1 type.
  function linkEventTypes(select) {
    var parent = document.getElementById(select.getAttribute('data-depends-on'));
    if (!parent) { return; }
    function filter() {
      var category = parent.value;
      Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
        var show = !category || group.getAttribute('data-category') === category;
        group.hidden = !show;
        group.disabled = !show;
      });
      var chosen = select.options[select.selectedIndex];
      if (chosen && chosen.value && category && chosen.getAttribute('data-category') !== category) {
        select.value = '';
      }
    }
    parent.addEventListener('change', filter);
    filter();
  }

  // Forms that remove something ask first.
  function confirmSubmit(form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  }

  // The collapsed menu on narrow screens.
  function toggleMenu(button) {
    var target = document.getElementById(button.getAttribute('data-toggle-target'));
    button.addEventListener('click', function () {
      var open = target.classList.toggle('show');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  // Bar lengths come as data, not inline styles, so the Content-Security-Policy needs no 'unsafe-inline'.
  function sizeBar(bar) {
    bar.style.width = Math.max(0, Math.min(100, Number(bar.getAttribute('data-share')) || 0)) + '%';
  }

  // A KRI's trend: its values as a line over green, amber and red bands, each period with its own thresholds.
  function kriChart(canvas) {
    if (typeof window.Chart === 'undefined') { return; }
    var read = function (name) { return JSON.parse(canvas.getAttribute('data-' + name)); };
    var labels = read('labels'), values = read('values'), greens = read('greens'), reds = read('reds');
    var worse = canvas.getAttribute('data-direction') === 'HIGHER_IS_WORSE';
    var all = values.concat(greens, reds);
    var low = Math.min.apply(null, all), high = Math.max.apply(null, all);
    var pad = (high - low) * 0.1 || 1;
    var colours = { green: 'rgba(25, 135, 84, 0.14)', amber: 'rgba(255, 193, 7, 0.2)', red: 'rgba(220, 53, 69, 0.14)' };
    var bands = {
      id: 'kriBands',
      beforeDatasetsDraw: function (chart) {
        var area = chart.chartArea, x = chart.scales.x, y = chart.scales.y, ctx = chart.ctx;
        ctx.save();
        labels.forEach(function (label, i) {
          var centre = x.getPixelForValue(i);
          var left = i === 0 ? area.left : (centre + x.getPixelForValue(i - 1)) / 2;
          var right = i === labels.length - 1 ? area.right : (centre + x.getPixelForValue(i + 1)) / 2;
          var g = Math.max(area.top, Math.min(area.bottom, y.getPixelForValue(greens[i])));
          var r = Math.max(area.top, Math.min(area.bottom, y.getPixelForValue(reds[i])));
          var fill = function (colour, top, bottom) {
            ctx.fillStyle = colours[colour];
            ctx.fillRect(left, Math.min(top, bottom), right - left, Math.abs(bottom - top));
          };
          if (worse) {
            fill('green', g, area.bottom); fill('amber', r, g); fill('red', area.top, r);
          } else {
            fill('green', area.top, g); fill('amber', g, r); fill('red', r, area.bottom);
          }
        });
        ctx.restore();
      }
    };
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: [{ label: canvas.getAttribute('data-series'), data: values,
        borderColor: '#16324f', backgroundColor: '#16324f', tension: 0, pointRadius: 4 }] },
      options: {
        locale: document.documentElement.lang || 'en',
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { suggestedMin: low >= 0 ? Math.max(0, low - pad) : low - pad, suggestedMax: high + pad,
          title: { display: true, text: canvas.getAttribute('data-unit') } } },
        plugins: { legend: { display: false } }
      },
      plugins: [bands]
    });
  }

  // The losses page's trend: gross and net loss per bucket as bars (the table below is the text alternative).
  function lossTrend(canvas) {
    if (typeof window.Chart === 'undefined') { return; }
    var read = function (name) { return JSON.parse(canvas.getAttribute('data-loss-' + name)); };
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: read('labels'), datasets: [
        { label: canvas.getAttribute('data-gross-label'), data: read('gross'), backgroundColor: '#9db4cc' },
        { label: canvas.getAttribute('data-net-label'), data: read('net'), backgroundColor: '#16324f' }] },
      options: { locale: document.documentElement.lang || 'en', maintainAspectRatio: false, animation: false }
    });
  }

  // Form errors: a refused field says so (aria-invalid) and points at its message (aria-describedby), also where
  // a page writes its own inputs rather than using the field tags.
  function describeInvalid(field) {
    field.setAttribute('aria-invalid', 'true');
    var box = field.closest('.form-check, .mb-3, .input-group, td, fieldset') || field.parentElement;
    var messages = '.invalid-feedback, [id^="e-"]';
    var feedback = box && box.querySelector(messages);
    if (!feedback && box && box.parentElement) { feedback = box.parentElement.querySelector(messages); }
    if (!feedback) { return; }
    if (!feedback.id) { feedback.id = 'e-' + (field.id || field.name); }
    var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (ids.indexOf(feedback.id) < 0) {
      ids.unshift(feedback.id);
      field.setAttribute('aria-describedby', ids.join(' '));
    }
  }

  // The error summary above a refused form: each message links to its field, named by the field's label, and the
  // summary takes the focus so that the keyboard starts from it.
  function labelOf(field) {
    var group = (field.type === 'checkbox' || field.type === 'radio') && field.closest('fieldset');
    var label = group ? group.querySelector('legend') : document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (!label) { return ''; }
    var copy = label.cloneNode(true);
    copy.querySelectorAll('.text-danger, .visually-hidden').forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }
  function linkErrors(summary) {
    summary.querySelectorAll('a[data-error-field]').forEach(function (link) {
      var id = link.getAttribute('data-error-field');
      var field = document.getElementById(id)
        || document.querySelector('[name="' + CSS.escape(id.replace(/^f-/, '')) + '"]:not([type=hidden])');
      if (!field || !field.id) {
        link.replaceWith(document.createTextNode(link.textContent));
        return;
      }
      link.setAttribute('href', '#' + field.id);
      var label = labelOf(field);
      if (label) { link.textContent = label + ': ' + link.textContent; }
      link.addEventListener('click', function (event) {
        event.preventDefault();
        field.focus();
      });
    });
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  // A table wider than its box (on a phone) scrolls sideways: the keyboard can reach the box and scroll it too,
  // and a screen reader hears it named after its section's heading.
  function scrollableTable(box) {
    var section = box.closest('section, .card, figure');
    var heading = section && section.querySelector('h1, h2, h3, h4, legend, figcaption');
    function update() {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
        if (heading && !box.hasAttribute('aria-label')) {
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', heading.textContent.replace(/\s+/g, ' ').trim());
        }
      } else if (box.getAttribute('tabindex') === '0') {
        box.removeAttribute('tabindex');
      }
    }
    update();
    window.addEventListener('resize', update);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.table-responsive').forEach(scrollableTable);
    document.querySelectorAll('.is-invalid').forEach(describeInvalid);
    document.querySelectorAll('.form-errors').forEach(linkErrors);
    document.querySelectorAll('canvas[data-values]').forEach(kriChart);
    document.querySelectorAll('canvas[data-loss-labels]').forEach(lossTrend);
    document.querySelectorAll('[data-share]').forEach(sizeBar);
    document.querySelectorAll('select[data-depends-on]').forEach(linkEventTypes);
    document.querySelectorAll('form[data-confirm]').forEach(confirmSubmit);
    document.querySelectorAll('[data-toggle-target]').forEach(toggleMenu);
  });
}());
