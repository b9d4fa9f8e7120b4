package org.scriptorium.web.backoffice;

import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.web.common.Texts;

/** The message, in the reader's language, for each reason an account change is refused. */
final class IdentityMessages {

    private IdentityMessages() {
    }

    static String of(IdentityException e, Texts texts) {
        return switch (e.reason()) {
            case EMAIL_INVALID -> texts.get("identity.error.emailInvalid");
            case EMAIL_TAKEN -> texts.get("identity.error.emailTaken");
            case NAME_REQUIRED -> texts.get("identity.error.nameRequired");
            case TOO_LONG -> texts.get("identity.error.tooLong");
            case NO_ROLE -> texts.get("identity.error.noRole");
            case LANGUAGE_INVALID -> texts.get("identity.error.language");
            case PASSWORD_TOO_SHORT -> texts.format("identity.error.passwordShort",
                    UserService.MIN_PASSWORD);
            case PASSWORD_MISMATCH -> texts.get("identity.error.passwordMismatch");
            case WRONG_PASSWORD -> texts.get("identity.error.wrongPassword");
            case TOKEN_INVALID -> texts.get("identity.error.tokenInvalid");
            case NOT_FOUND -> texts.get("identity.error.notFound");
            case OWN_ACCOUNT -> texts.get("identity.error.ownAccount");
            case PHOTO_INVALID -> texts.get("identity.error.photo");
        };
    }
}
