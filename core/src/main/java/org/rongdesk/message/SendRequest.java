package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;

import org.rongdesk.model.ConversationKey;

/**
 * A checked send: what to store and which files to upload first.
 *
 * @param conversation where it goes
 * @param objectName   its content type
 * @param content      its content as stored (local paths, URLs still empty)
 * @param uploads      files to upload, each filling one URL field of the content
 */
record SendRequest(ConversationKey conversation, String objectName, JsonObject content, List<Upload> uploads) {

    /**
     * One file to upload.
     *
     * @param urlField    the content field that gets the file's URL
     * @param file        the file
     * @param contentType its MIME type
     */
    record Upload(String urlField, Path file, String contentType) {
    }
}
