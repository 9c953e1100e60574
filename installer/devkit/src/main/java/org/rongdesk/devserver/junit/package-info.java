/**
 * JUnit 5 support: {@link org.rongdesk.devserver.junit.EjabberdExtension} gives integration tests
 * a real ejabberd on free loopback ports, started once per test run.
 */
package org.rongdesk.devserver.junit;
