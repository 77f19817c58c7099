package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * "I never got my confirmation": the operator filters the latest deliveries by recipient, sees status, kind,
 * language, attempts and last error, and opens the mail as it was sent.
 */
class DeliveriesPageIT extends ConsoleIntegrationSupport {

    @Test
    void theOperatorFindsTheDeliveryByRecipientAndReadsTheMailAsSent() throws Exception {
        NOTIFICATION_SERVICE.deliveries = """
                [{"id": "e1:PARTICIPANT_CONFIRMED:h1", "registrationId": "r-1", "conferenceId": "forum-2027",
                  "recipient": "ana@example.org", "kind": "PARTICIPANT_CONFIRMED", "language": "bg",
                  "status": "RETRYING", "attempts": 3, "lastError": "MailConnectException: <b>refused</b>",
                  "updatedAt": "2027-01-01T10:00:00Z", "messageId": "<m1@eforum>"}]
                """;
        NOTIFICATION_SERVICE.mail = """
                {"deliveryId": "e1:PARTICIPANT_CONFIRMED:h1", "to": "Ana <ana@example.org>", "cc": [],
                 "subject": "Регистрацията ви е потвърдена <script>", "text": "Здравейте, Ана!\\nhttp://x/r?token=[hidden]",
                 "html": "<p>Здравейте</p>", "sentAt": "2027-01-01T10:00:05Z"}
                """;

        HttpResponse<String> page = get("/deliveries?recipient=ana%40example&status=RETRYING&conferenceId=forum-2027",
                "operator", "operator-pw");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(NOTIFICATION_SERVICE.lastQuery).contains("conferenceId=forum-2027", "status=RETRYING",
                "recipient=ana%40example");
        assertThat(page.body()).contains("ana@example.org", "PARTICIPANT_CONFIRMED", "RETRYING", ">3<",
                "MailConnectException: &lt;b&gt;refused&lt;/b&gt;", "forum-2027", "r-1",
                "href=\"/deliveries/mail?id=e1:PARTICIPANT_CONFIRMED:h1\"");
        assertThat(page.body()).contains("value=\"forum-2027\"", "<option value=\"RETRYING\" selected=\"selected\"");

        HttpResponse<String> mail = get("/deliveries/mail?id=e1:PARTICIPANT_CONFIRMED:h1", "operator", "operator-pw");

        assertThat(mail.statusCode()).isEqualTo(200);
        assertThat(NOTIFICATION_SERVICE.lastMailPath).isEqualTo(
                "/api/notifications/deliveries/e1%3APARTICIPANT_CONFIRMED%3Ah1/mail");
        assertThat(mail.body()).contains("Регистрацията ви е потвърдена &lt;script&gt;", "Здравейте, Ана!",
                "token=[hidden]", "sandbox=\"\"").doesNotContain("<script>");
    }

    @Test
    void aMailNotKeptSaysWhyAndABadFilterIsExplainedBesideItsField() throws Exception {
        NOTIFICATION_SERVICE.mail = null;
        HttpResponse<String> noCopy = get("/deliveries/mail?id=digest-1", "operator", "operator-pw");
        assertThat(noCopy.statusCode()).isEqualTo(404);
        assertThat(noCopy.body()).contains("No copy of this mail is kept");

        HttpResponse<String> bad = get("/deliveries?status=LOST&conferenceId=Not%20An%20Id", "operator", "operator-pw");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"status-error\"", "Choose SENT, RETRYING or FAILED.",
                "id=\"conferenceId-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void onlyOperatorsSeeTheDeliveries() throws Exception {
        assertThat(get("/deliveries", null, null).statusCode()).isIn(302, 401);
        assertThat(get("/deliveries", "organiser", "organiser-pw").statusCode()).isEqualTo(403);
    }
}
