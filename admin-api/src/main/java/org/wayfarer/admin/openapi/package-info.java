/** The OpenAPI description of the admin API (served at {@code /v3/api-docs}, UI at {@code /swagger-ui.html}). */
package org.wayfarer.admin.openapi;
