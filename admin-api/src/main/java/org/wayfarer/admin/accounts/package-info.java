/** REST edge for connecting WeChat official accounts: {@code /api/v1/wechat/accounts}. */
package org.wayfarer.admin.accounts;
