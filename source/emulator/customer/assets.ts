// The stylesheet and the one script of the customer pages, served from the page's own origin so the
// Content-Security-Policy can forbid inline code.

/** page.css */
export const pageCss = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;padding:2rem 1rem;color:#1b1b1b}
.card{max-width:26rem;margin:0 auto;background:#fff;padding:2rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.tenant{margin:0 0 1rem;font-weight:600;color:#505050}
h1{font-size:1.5rem;font-weight:600;margin:0 0 1rem}
.field{margin:0 0 1rem;border:0;padding:0}
.field label,.field legend{display:block;margin-bottom:.25rem}
.choice{display:block;margin:.25rem 0}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #666}
input[readonly]{background:#f4f4f4;color:#505050}
.required{color:#a4262c;margin-left:.2rem}
.error{color:#a4262c;margin:.25rem 0 0;font-size:.9rem}
.error:empty{display:none}
.banner{background:#fde7e9;border-left:4px solid #a4262c;padding:.5rem .75rem;margin:0 0 1rem}
button{background:#0067b8;color:#fff;border:0;padding:.5rem 1.5rem;font-size:1rem;cursor:pointer}
button.secondary{background:#e1e1e1;color:#1b1b1b}
.providers{margin-top:1.5rem;border-top:1px solid #ddd;padding-top:1rem}
.providers form{margin:.5rem 0}
.details{font-size:.8rem;color:#505050;word-break:break-all}
.spinner{width:2rem;height:2rem;border:.25rem solid #ccc;border-top-color:#0067b8;border-radius:50%;animation:spin 1s linear infinite;margin:2rem auto}
@keyframes spin{to{transform:rotate(360deg)}}
.emulator-note{max-width:26rem;margin:1rem auto;font-size:.8rem;color:#666}
`;

/**
 * page.js: the page's own checks before it posts (required, pattern, whole numbers), with the same messages the
 * server uses. The server checks everything again: this only saves a round trip.
 */
export const pageJs = `'use strict';
(function () {
	function check(field, messages) {
		var kind = field.getAttribute('data-kind');
		var inputs = Array.prototype.slice.call(field.querySelectorAll('input:not([type=hidden])'));
		var required = field.getAttribute('data-required') === 'true';
		if (kind === 'checkbox') return required && !inputs[0].checked ? messages.required : '';
		if (kind === 'radio' || kind === 'checkboxes') {
			return required && !inputs.some(function (input) { return input.checked; }) ? messages.required : '';
		}
		var value = inputs[0].value;
		if (value.trim() === '') return required ? messages.required : '';
		var pattern = field.getAttribute('data-pattern');
		if (pattern !== null && !new RegExp(pattern).test(value)) return messages.pattern;
		if (field.getAttribute('data-type') === 'int64' && !/^-?[0-9]+$/.test(value)) return messages.integer;
		return '';
	}
	document.querySelectorAll('form[data-validate]').forEach(function (form) {
		var messages = {
			required: form.getAttribute('data-msg-required'),
			pattern: form.getAttribute('data-msg-pattern'),
			integer: form.getAttribute('data-msg-integer'),
		};
		form.addEventListener('submit', function (event) {
			var first = null;
			form.querySelectorAll('[data-field]').forEach(function (field) {
				var message = check(field, messages);
				var slot = field.querySelector('.error');
				if (slot) slot.textContent = message;
				field.classList.toggle('invalid', message !== '');
				if (message && !first) first = field;
			});
			if (first) {
				event.preventDefault();
				var input = first.querySelector('input:not([type=hidden])');
				if (input) input.focus();
			}
		});
	});
})();
`;
