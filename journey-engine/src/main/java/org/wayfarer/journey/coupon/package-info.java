/** Coupon (card voucher) stock per send node: a limit kept exactly under concurrent sends. */
package org.wayfarer.journey.coupon;
