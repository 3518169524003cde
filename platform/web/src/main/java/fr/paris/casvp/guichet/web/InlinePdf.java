package fr.paris.casvp.guichet.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A printed document answered as PDF, to open in the browser (a letter, a receipt): inline, under its file name. */
public final class InlinePdf {

    private InlinePdf() {
    }

    public static ResponseEntity<byte[]> of(String fileName, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }
}
