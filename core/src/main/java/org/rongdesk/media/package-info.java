/**
 * Media files: resolving {@code fs://} paths inside the file base, checking that an image is an
 * image and a voice file is WAVE, JPEG thumbnails, and HTTP upload (XEP-0363) and download with
 * byte-level progress.
 */
package org.rongdesk.media;
