package dev.vocadent.telephony;

import dev.vocadent.core.config.ClinicConfig;

/**
 * What the transport knows about a call when it is answered.
 *
 * @param callId        the SIP Call-ID (unique per call; use it as the session id)
 * @param clinicId      the clinic the dialled number routes to (bound server-side)
 * @param clinic        that clinic's configuration, loaded while the phone was ringing
 * @param dialledNumber the dialled number in E.164
 * @param callerNumber  the caller's number in E.164, or null when withheld / anonymous / not a number
 * @param codec         the negotiated audio codec name ({@code PCMU} or {@code PCMA})
 */
public record CallInfo(String callId, String clinicId, ClinicConfig clinic, String dialledNumber,
                       String callerNumber, String codec) {}
