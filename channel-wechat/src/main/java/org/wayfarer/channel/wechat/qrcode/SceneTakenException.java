package org.wayfarer.channel.wechat.qrcode;

/** A live code of the account already has the scene; retire it first or choose another scene. Nothing was stored. */
public class SceneTakenException extends RuntimeException {

    private final long existingId;

    public SceneTakenException(long existingId) {
        super("a live QR code of this official account already has this scene");
        this.existingId = existingId;
    }

    /** The live code holding the scene; 0 when another request took it at the same moment. */
    public long existingId() {
        return existingId;
    }
}
