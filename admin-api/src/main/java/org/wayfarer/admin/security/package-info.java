/**
 * API-key security: bearer keys stored as SHA-256 hashes, roles ADMIN &gt; OPERATOR &gt; VIEWER, the URL rules, and the
 * start-up bootstrap of the default tenant and its first key.
 */
package org.wayfarer.admin.security;
