package org.wayfarer.admin.security;

/**
 * Who is calling the admin API: the principal of an authenticated request. Controllers take the tenant from here,
 * never from the request, so a key only ever sees its own tenant's data.
 */
public record ApiCaller(long tenantId, long keyId, Role role) {
}
