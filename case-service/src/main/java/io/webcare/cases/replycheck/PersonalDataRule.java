package io.webcare.cases.replycheck;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.webcare.contract.events.Visibility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * Personal data has no place in a public reply: order and customer numbers, addresses, IBANs, phone numbers and
 * e-mail addresses. IBANs are confirmed by their check digits and country format (Commons Validator), phone numbers
 * by libphonenumber's numbering plans, so "3 dagen" or a price is not mistaken for either. Toll-free and shared-cost
 * numbers are the company's own, not personal data (the other-channel rule has its say about them).
 */
final class PersonalDataRule implements Rule {
    static final String NAME = "personal-data";

    private static final Pattern IBAN_CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])");
    private static final Pattern EMAIL_CANDIDATE = Pattern.compile("[^\\s<>()\\[\\],;:\"]+@[^\\s<>()\\[\\],;:\"]+");
    private static final Phrases ORDER_NUMBERS = Phrases.of(
            "(order|bestelling|bestel|ordernummer|bestelnummer|klantnummer|klant|customer|account|contract"
                    + "|contractnummer|factuurnummer|factuur|invoice|abonnementsnummer)"
                    + "( ?(nr|no|number|nummer|id)\\.?)? ?[:#]? ?[A-Z]{0,4}-?\\d[\\dA-Z-]{4,}",
            "#\\d{6,}");
    private static final Pattern POSTCODE =
            Pattern.compile("(?<![\\p{L}\\p{N}])[1-9]\\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\\p{L}\\p{N}])");
    private static final Phrases STREET = Phrases.of(
            "\\p{Lu}[\\p{L}'-]*(straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|park|markt) \\d{1,5} ?[a-zA-Z]?",
            "\\d{1,5} \\p{Lu}\\p{L}+ (Street|Road|Avenue|Lane|Drive|Close|Square)");
    private static final Set<PhoneNumberType> COMPANY_NUMBERS =
            EnumSet.of(PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.PREMIUM_RATE);

    private final String phoneRegion;

    PersonalDataRule(String phoneRegion) {
        this.phoneRegion = phoneRegion.toUpperCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        if (draft.visibility() != Visibility.PUBLIC) {
            return List.of();
        }
        String text = Phrases.normalise(draft.text());
        List<Hit> hits = new ArrayList<>();
        Matcher iban = IBAN_CANDIDATE.matcher(text);
        while (iban.find()) {
            String compact = iban.group().replace(" ", "").toUpperCase(Locale.ROOT);
            if (IBANValidator.getInstance().isValid(compact)) {
                hits.add(hit(iban.group(), "an IBAN"));
            }
        }
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        for (PhoneNumberMatch match : phones.findNumbers(text, phoneRegion, PhoneNumberUtil.Leniency.VALID, 1000)) {
            if (!COMPANY_NUMBERS.contains(phones.getNumberType(match.number()))) {
                hits.add(hit(match.rawString(), "a phone number"));
            }
        }
        Matcher email = EMAIL_CANDIDATE.matcher(text);
        while (email.find()) {
            String candidate = email.group().replaceAll("[.!?]+$", "");
            if (EmailValidator.getInstance().isValid(candidate)) {
                hits.add(hit(candidate, "an e-mail address"));
            }
        }
        ORDER_NUMBERS.in(text).forEach(words -> hits.add(hit(words, "an order or customer number")));
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            hits.add(hit(postcode.group(), "a postal code"));
        }
        STREET.in(text).forEach(words -> hits.add(hit(words, "an address")));
        return hits;
    }

    private static Hit hit(String words, String what) {
        return new Hit(words, "A public reply shows " + what + "; move to a private message for personal data.");
    }
}
