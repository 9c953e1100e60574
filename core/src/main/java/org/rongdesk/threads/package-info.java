/** The client's named worker threads. */
package org.rongdesk.threads;
