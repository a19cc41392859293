/** RFC 7807 problem responses: one place maps exceptions to {@code application/problem+json}. */
package org.wayfarer.admin.problem;
