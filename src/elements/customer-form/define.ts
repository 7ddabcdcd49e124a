import { CcCustomerForm } from './customer-form.js';

if (!customElements.get('cc-customer-form')) customElements.define('cc-customer-form', CcCustomerForm);

export { CcCustomerForm };
