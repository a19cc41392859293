/** Adapters of the admin API's own ports, one sub-package per technology. */
package org.wayfarer.admin.infra;
