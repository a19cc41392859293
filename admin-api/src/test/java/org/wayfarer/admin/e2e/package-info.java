/** End-to-end tests: the whole server on a random port, a fake WeChat on loopback, real signed callbacks. */
package org.wayfarer.admin.e2e;
