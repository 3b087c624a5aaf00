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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-share]').forEach(sizeBar);
    document.querySelectorAll('select[data-depends-on]').forEach(linkEventTypes);
    document.querySelectorAll('form[data-confirm]').forEach(confirmSubmit);
    document.querySelectorAll('[data-toggle-target]').forEach(toggleMenu);
  });
}());
