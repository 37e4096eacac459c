"""The worker survey's own words, in every survey language (the interface
itself ships in fewer languages). No Flask. Texts other than English were
drafted by machine and need review by a fluent speaker."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "en": "Your voice at work", "nl": "Jouw stem op het werk", "zh_Hans": "您在工作中的声音",
        "vi": "Tiếng nói của bạn tại nơi làm việc", "hi": "काम पर आपकी आवाज़",
        "si": "රැකියාවේදී ඔබේ හඬ", "ta": "வேலையில் உங்கள் குரல்", "bn": "কর্মস্থলে আপনার কণ্ঠ"},
    "intro": {
        "en": "Taking part is voluntary and anonymous. We do not ask your name, and nobody can see who answered. It takes about five minutes.",
        "nl": "Meedoen is vrijwillig en anoniem. We vragen niet naar je naam, en niemand kan zien wie heeft geantwoord. Het duurt ongeveer vijf minuten.",
        "zh_Hans": "参与是自愿和匿名的。我们不会询问您的姓名，也没有人能看到是谁回答的。大约需要五分钟。",
        "vi": "Việc tham gia là tự nguyện và ẩn danh. Chúng tôi không hỏi tên bạn, và không ai có thể biết ai đã trả lời. Chỉ mất khoảng năm phút.",
        "hi": "भाग लेना स्वैच्छिक और गुमनाम है। हम आपका नाम नहीं पूछते, और कोई नहीं देख सकता कि किसने जवाब दिया। इसमें लगभग पाँच मिनट लगते हैं।",
        "si": "සහභාගී වීම ස්වේච්ඡාවෙන් සහ නිර්නාමිකව සිදු වේ. අපි ඔබේ නම අසන්නේ නැත, පිළිතුරු දුන්නේ කවුදැයි කිසිවෙකුට දැකිය නොහැක. මිනිත්තු පහක් පමණ ගත වේ.",
        "ta": "பங்கேற்பது தன்னார்வமானது மற்றும் அநாமதேயமானது. உங்கள் பெயரை நாங்கள் கேட்பதில்லை, யார் பதிலளித்தார்கள் என்பதை யாரும் பார்க்க முடியாது. சுமார் ஐந்து நிமிடங்கள் ஆகும்.",
        "bn": "অংশ নেওয়া স্বেচ্ছামূলক ও বেনামি। আমরা আপনার নাম জিজ্ঞেস করি না, এবং কে উত্তর দিয়েছে তা কেউ দেখতে পারে না। প্রায় পাঁচ মিনিট লাগে।"},
    "skip": {
        "en": "You may skip any question.", "nl": "Je mag elke vraag overslaan.",
        "zh_Hans": "任何问题都可以跳过。", "vi": "Bạn có thể bỏ qua bất kỳ câu hỏi nào.",
        "hi": "आप कोई भी प्रश्न छोड़ सकते हैं।", "si": "ඔබට ඕනෑම ප්‍රශ්නයක් මඟ හැරිය හැක.",
        "ta": "எந்தக் கேள்வியையும் தவிர்க்கலாம்.", "bn": "আপনি যেকোনো প্রশ্ন বাদ দিতে পারেন।"},
    "yes": {"en": "Yes", "nl": "Ja", "zh_Hans": "是", "vi": "Có", "hi": "हाँ", "si": "ඔව්",
            "ta": "ஆம்", "bn": "হ্যাঁ"},
    "no": {"en": "No", "nl": "Nee", "zh_Hans": "否", "vi": "Không", "hi": "नहीं", "si": "නැහැ",
           "ta": "இல்லை", "bn": "না"},
    "dk": {"en": "Don't know", "nl": "Weet ik niet", "zh_Hans": "不知道", "vi": "Không biết",
           "hi": "पता नहीं", "si": "නොදනිමි", "ta": "தெரியாது", "bn": "জানি না"},
    "about_you": {
        "en": "About you (optional)", "nl": "Over jou (niet verplicht)",
        "zh_Hans": "关于您（可选）", "vi": "Về bạn (không bắt buộc)",
        "hi": "आपके बारे में (वैकल्पिक)", "si": "ඔබ ගැන (අත්‍යවශ්‍ය නොවේ)",
        "ta": "உங்களைப் பற்றி (விருப்பத்திற்குரியது)", "bn": "আপনার সম্পর্কে (ঐচ্ছিক)"},
    "gender": {"en": "You are", "nl": "Je bent", "zh_Hans": "您是", "vi": "Bạn là",
               "hi": "आप हैं", "si": "ඔබ", "ta": "நீங்கள்", "bn": "আপনি"},
    "woman": {"en": "A woman", "nl": "Een vrouw", "zh_Hans": "女性", "vi": "Nữ",
              "hi": "महिला", "si": "කාන්තාවක්", "ta": "பெண்", "bn": "নারী"},
    "man": {"en": "A man", "nl": "Een man", "zh_Hans": "男性", "vi": "Nam", "hi": "पुरुष",
            "si": "පිරිමියෙක්", "ta": "ஆண்", "bn": "পুরুষ"},
    "other": {"en": "Other", "nl": "Anders", "zh_Hans": "其他", "vi": "Khác", "hi": "अन्य",
              "si": "වෙනත්", "ta": "மற்றவை", "bn": "অন্যান্য"},
    "age_band": {"en": "Your age", "nl": "Je leeftijd", "zh_Hans": "您的年龄",
                 "vi": "Tuổi của bạn", "hi": "आपकी उम्र", "si": "ඔබේ වයස",
                 "ta": "உங்கள் வயது", "bn": "আপনার বয়স"},
    "under_18": {"en": "Under 18", "nl": "Jonger dan 18", "zh_Hans": "18岁以下",
                 "vi": "Dưới 18", "hi": "18 से कम", "si": "18 ට අඩු", "ta": "18 க்குக் கீழ்",
                 "bn": "১৮-এর কম"},
    "55_plus": {"en": "55 or older", "nl": "55 of ouder", "zh_Hans": "55岁及以上",
                "vi": "55 trở lên", "hi": "55 या अधिक", "si": "55 හෝ වැඩි",
                "ta": "55 அல்லது அதற்கு மேல்", "bn": "৫৫ বা তার বেশি"},
    "contract": {"en": "Your contract", "nl": "Je contract", "zh_Hans": "您的合同",
                 "vi": "Hợp đồng của bạn", "hi": "आपका अनुबंध", "si": "ඔබේ කොන්ත්‍රාත්තුව",
                 "ta": "உங்கள் ஒப்பந்தம்", "bn": "আপনার চুক্তি"},
    "permanent": {"en": "Permanent", "nl": "Vast", "zh_Hans": "长期", "vi": "Dài hạn",
                  "hi": "स्थायी", "si": "ස්ථිර", "ta": "நிரந்தரம்", "bn": "স্থায়ী"},
    "temporary": {"en": "Temporary", "nl": "Tijdelijk", "zh_Hans": "临时", "vi": "Tạm thời",
                  "hi": "अस्थायी", "si": "තාවකාලික", "ta": "தற்காலிகம்", "bn": "অস্থায়ী"},
    "agency": {"en": "Through an agency", "nl": "Via een uitzendbureau",
               "zh_Hans": "通过劳务派遣", "vi": "Qua công ty cung ứng lao động",
               "hi": "एजेंसी के माध्यम से", "si": "ආයතනයක් හරහා",
               "ta": "ஒரு நிறுவனம் மூலம்", "bn": "এজেন্সির মাধ্যমে"},
    "send": {"en": "Send my answers", "nl": "Verstuur mijn antwoorden",
             "zh_Hans": "提交我的回答", "vi": "Gửi câu trả lời", "hi": "मेरे उत्तर भेजें",
             "si": "මගේ පිළිතුරු යවන්න", "ta": "என் பதில்களை அனுப்பு",
             "bn": "আমার উত্তর পাঠান"},
    "answer_one": {
        "en": "Please answer at least one question.",
        "nl": "Beantwoord minstens één vraag.", "zh_Hans": "请至少回答一个问题。",
        "vi": "Vui lòng trả lời ít nhất một câu hỏi.",
        "hi": "कृपया कम से कम एक प्रश्न का उत्तर दें।",
        "si": "කරුණාකර අවම වශයෙන් එක් ප්‍රශ්නයකට පිළිතුරු දෙන්න.",
        "ta": "குறைந்தது ஒரு கேள்விக்காவது பதிலளிக்கவும்.",
        "bn": "অনুগ্রহ করে অন্তত একটি প্রশ্নের উত্তর দিন।"},
    "thanks": {
        "en": "Thank you. Your answers are saved, without your name.",
        "nl": "Dank je. Je antwoorden zijn bewaard, zonder je naam.",
        "zh_Hans": "谢谢。您的回答已保存，不含您的姓名。",
        "vi": "Cảm ơn bạn. Câu trả lời của bạn đã được lưu, không kèm tên.",
        "hi": "धन्यवाद। आपके उत्तर आपके नाम के बिना सहेजे गए हैं।",
        "si": "ස්තූතියි. ඔබේ පිළිතුරු ඔබේ නම නොමැතිව සුරැකිණි.",
        "ta": "நன்றி. உங்கள் பதில்கள் உங்கள் பெயர் இல்லாமல் சேமிக்கப்பட்டன.",
        "bn": "ধন্যবাদ। আপনার উত্তর আপনার নাম ছাড়াই সংরক্ষিত হয়েছে।"},
    "closed": {
        "en": "This survey is not open at the moment.",
        "nl": "Deze enquête is op dit moment niet open.",
        "zh_Hans": "本调查目前未开放。", "vi": "Khảo sát này hiện không mở.",
        "hi": "यह सर्वेक्षण अभी खुला नहीं है।", "si": "මෙම සමීක්ෂණය මේ මොහොතේ විවෘත නැත.",
        "ta": "இந்தக் கணக்கெடுப்பு தற்போது திறந்திருக்கவில்லை.",
        "bn": "এই জরিপটি এখন খোলা নেই।"},
    "poster_title": {
        "en": "What you told us", "nl": "Wat jullie ons vertelden", "zh_Hans": "您告诉我们的",
        "vi": "Những gì bạn đã chia sẻ", "hi": "आपने हमें क्या बताया",
        "si": "ඔබ අපට කී දේ", "ta": "நீங்கள் எங்களிடம் சொன்னது", "bn": "আপনি আমাদের যা বলেছেন"},
    "poster_rate": {
        "en": "%(pct)s of workers took part. Thank you!",
        "nl": "%(pct)s van de werkenden deed mee. Dank je wel!",
        "zh_Hans": "%(pct)s 的工人参与了调查。谢谢！",
        "vi": "%(pct)s người lao động đã tham gia. Xin cảm ơn!",
        "hi": "%(pct)s कामगारों ने भाग लिया। धन्यवाद!",
        "si": "සේවකයින්ගෙන් %(pct)s ක් සහභාගී වූහ. ස්තූතියි!",
        "ta": "%(pct)s தொழிலாளர்கள் பங்கேற்றனர். நன்றி!",
        "bn": "%(pct)s শ্রমিক অংশ নিয়েছেন। ধন্যবাদ!"},
    "poster_good": {
        "en": "What goes well", "nl": "Wat goed gaat", "zh_Hans": "做得好的方面",
        "vi": "Những điều tốt", "hi": "क्या अच्छा चल रहा है", "si": "හොඳින් සිදුවන දේ",
        "ta": "நன்றாக நடப்பவை", "bn": "যা ভালো চলছে"},
    "poster_attention": {
        "en": "What needs attention", "nl": "Wat aandacht nodig heeft",
        "zh_Hans": "需要关注的方面", "vi": "Những điều cần quan tâm",
        "hi": "किस पर ध्यान देना है", "si": "අවධානය යොමු කළ යුතු දේ",
        "ta": "கவனம் தேவைப்படுபவை", "bn": "যেদিকে মনোযোগ দরকার"},
    "poster_next": {
        "en": "What happens next", "nl": "Wat er nu gebeurt", "zh_Hans": "接下来会怎样",
        "vi": "Điều gì sẽ diễn ra tiếp theo", "hi": "आगे क्या होगा",
        "si": "ඊළඟට සිදුවන දේ", "ta": "அடுத்து என்ன நடக்கும்", "bn": "এরপর কী হবে"},
    "poster_next_text": {
        "en": "The company and the factory management will talk about these results and agree on improvements. We will tell you what was agreed.",
        "nl": "Het bedrijf en de fabrieksleiding bespreken deze resultaten en maken afspraken over verbeteringen. We laten je weten wat er is afgesproken.",
        "zh_Hans": "企业和工厂管理层将讨论这些结果并商定改进措施。我们会告诉您商定的内容。",
        "vi": "Công ty và ban quản lý nhà máy sẽ trao đổi về các kết quả này và thống nhất các cải thiện. Chúng tôi sẽ cho bạn biết những gì đã được thống nhất.",
        "hi": "कंपनी और फ़ैक्टरी प्रबंधन इन परिणामों पर बात करेंगे और सुधारों पर सहमति बनाएंगे। जो तय होगा, हम आपको बताएंगे।",
        "si": "සමාගම සහ කර්මාන්තශාලා කළමනාකාරිත්වය මෙම ප්‍රතිඵල ගැන කතා කර වැඩිදියුණු කිරීම් ගැන එකඟ වනු ඇත. එකඟ වූ දේ අපි ඔබට දන්වන්නෙමු.",
        "ta": "நிறுவனமும் தொழிற்சாலை நிர்வாகமும் இந்த முடிவுகளைப் பற்றிப் பேசி மேம்பாடுகளை ஒப்புக்கொள்வார்கள். ஒப்புக்கொண்டதை உங்களுக்குத் தெரிவிப்போம்.",
        "bn": "কোম্পানি ও কারখানা ব্যবস্থাপনা এই ফলাফল নিয়ে আলোচনা করে উন্নতির বিষয়ে একমত হবে। কী ঠিক হলো তা আমরা আপনাদের জানাব।"},
    "poster_voluntary": {
        "en": "Taking part is voluntary and anonymous. Nobody can see who answered, and saying no has no consequences.",
        "nl": "Meedoen is vrijwillig en anoniem. Niemand kan zien wie heeft geantwoord, en nee zeggen heeft geen gevolgen.",
        "zh_Hans": "参与是自愿和匿名的。没有人能看到是谁回答的，不参加也不会有任何后果。",
        "vi": "Việc tham gia là tự nguyện và ẩn danh. Không ai biết ai đã trả lời, và từ chối không gây hậu quả gì.",
        "hi": "भाग लेना स्वैच्छिक और गुमनाम है। कोई नहीं देख सकता कि किसने जवाब दिया, और मना करने का कोई परिणाम नहीं है।",
        "si": "සහභාගී වීම ස්වේච්ඡාවෙන් සහ නිර්නාමිකව සිදු වේ. පිළිතුරු දුන්නේ කවුදැයි කිසිවෙකුට නොපෙනේ, ප්‍රතික්ෂේප කිරීමෙන් කිසිදු ප්‍රතිවිපාකයක් නැත.",
        "ta": "பங்கேற்பது தன்னார்வமானது மற்றும் அநாமதேயமானது. யார் பதிலளித்தார்கள் என்பதை யாரும் பார்க்க முடியாது, மறுப்பதால் எந்த விளைவும் இல்லை.",
        "bn": "অংশ নেওয়া স্বেচ্ছামূলক ও বেনামি। কে উত্তর দিয়েছে তা কেউ দেখতে পারে না, এবং না বললে কোনো সমস্যা হয় না।"},
    "poster_scan": {
        "en": "Scan to take part in the next survey", "nl": "Scan om mee te doen aan de volgende enquête",
        "zh_Hans": "扫码参加下一次调查", "vi": "Quét mã để tham gia khảo sát lần sau",
        "hi": "अगले सर्वेक्षण में भाग लेने के लिए स्कैन करें",
        "si": "ඊළඟ සමීක්ෂණයට සහභාගී වීමට ස්කෑන් කරන්න",
        "ta": "அடுத்த கணக்கெடுப்பில் பங்கேற்க ஸ்கேன் செய்யுங்கள்",
        "bn": "পরের জরিপে অংশ নিতে স্ক্যান করুন"},
}

#: Language names, in the language itself.
NAMES = {"en": "English", "nl": "Nederlands", "zh_Hans": "简体中文", "vi": "Tiếng Việt",
         "hi": "हिन्दी", "si": "සිංහල", "ta": "தமிழ்", "bn": "বাংলা"}


def text_for(key: str, lang: str) -> str:
    """The text in ``lang``, else English."""
    texts = TEXTS[key]
    return texts.get(lang) or texts["en"]
