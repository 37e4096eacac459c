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
                 "bn": "18-এর কম"},
    "55_plus": {"en": "55 or older", "nl": "55 of ouder", "zh_Hans": "55岁及以上",
                "vi": "55 trở lên", "hi": "55 या अधिक", "si": "55 හෝ වැඩි",
                "ta": "55 அல்லது அதற்கு மேல்", "bn": "55 বা তার বেশি"},
    "contract": {"en": "Your contract", "nl": "Je contract", "zh_Hans": "您的合同",
                 "vi": "Hợp đồng của bạn", "hi": "आपका अनुबंध", "si": "ඔබේ කොන්ත්‍රාත්තුව",
                 "ta": "உங்கள் ஒப்பந்தம்", "bn": "আপনার চুক্তি"},
    "permanent": {"en": "Permanent", "nl": "Vast", "zh_Hans": "长期", "vi": "Dài hạn",
                  "hi": "स्थायी", "si": "ස්ථිර", "ta": "நிரந்தரம்", "bn": "স্থায়ী"},
    "temporary": {"en": "Temporary", "nl": "Tijdelijk", "zh_Hans": "临时", "vi": "Tạm thời",
                  "hi": "अस्थायी", "si": "තාවකාලික", "ta": "தற்காலிகம்", "bn": "অস্থায়ী"},
    "agency": {"en": "Through an agency", "nl": "Via een uitzendbureau",
               "zh_Hans": "通过劳务派遣", "vi": "Qua công ty cung ứng lao động",
               "hi": "एजेंसी के माध्यम से",
               # Reworded (needs review): a labour or manpower agency, not "an
               # institution" (si) or "a company" (ta), which every worker is hired through.
               "si": "රැකියා ඒජන්සියක් (මැන්පවර්) හරහා",
               "ta": "வேலைவாய்ப்பு முகவர் (ஏஜென்சி) மூலம்", "bn": "এজেন্সির মাধ্যমে"},
    # The last of what a worker may say about themselves (``respondents.ALLOWED``):
    # the web survey does not ask them, the XLSForm that providers run does.
    "migrant_contract": {
        "en": "Migrant contract (from another province or country)",
        "nl": "Contract voor migranten (uit een andere provincie of een ander land)",
        "zh_Hans": "外来务工合同（来自其他省份或国家）",
        "vi": "Hợp đồng lao động di cư (từ tỉnh khác hoặc nước khác)",
        "hi": "प्रवासी अनुबंध (दूसरे राज्य या देश से)",
        "si": "සංක්‍රමණික කොන්ත්‍රාත්තුව (වෙනත් පළාතකින් හෝ රටකින්)",
        "ta": "புலம்பெயர்ந்தோர் ஒப்பந்தம் (வேறு மாநிலம் அல்லது நாட்டிலிருந்து)",
        "bn": "অভিবাসী চুক্তি (অন্য প্রদেশ বা দেশ থেকে)"},
    "role": {"en": "Your job", "nl": "Je werk", "zh_Hans": "您的岗位", "vi": "Công việc của bạn",
             "hi": "आपका काम", "si": "ඔබේ රැකියාව", "ta": "உங்கள் வேலை", "bn": "আপনার কাজ"},
    "production": {"en": "Production", "nl": "Productie", "zh_Hans": "生产岗位", "vi": "Sản xuất",
                   "hi": "उत्पादन", "si": "නිෂ්පාදනය", "ta": "உற்பத்தி", "bn": "উৎপাদন"},
    "supervisor": {"en": "Supervisor or team leader", "nl": "Leidinggevende of teamleider",
                   "zh_Hans": "主管或组长", "vi": "Giám sát hoặc tổ trưởng",
                   "hi": "सुपरवाइज़र या टीम लीडर", "si": "අධීක්ෂක හෝ කණ්ඩායම් නායක",
                   "ta": "மேற்பார்வையாளர் அல்லது குழுத் தலைவர்", "bn": "সুপারভাইজার বা টিম লিডার"},
    "support": {
        "en": "Support work (office, warehouse, cleaning, canteen)",
        "nl": "Ondersteunend werk (kantoor, magazijn, schoonmaak, kantine)",
        "zh_Hans": "辅助岗位（办公室、仓库、清洁、食堂）",
        "vi": "Công việc hỗ trợ (văn phòng, kho, vệ sinh, nhà ăn)",
        "hi": "सहायक काम (दफ़्तर, गोदाम, सफ़ाई, कैंटीन)",
        "si": "සහාය සේවා (කාර්යාලය, ගබඩාව, පිරිසිදු කිරීම, ආපනශාලාව)",
        "ta": "உதவிப் பணி (அலுவலகம், கிடங்கு, சுத்தம், உணவகம்)",
        "bn": "সহায়ক কাজ (অফিস, গুদাম, পরিচ্ছন্নতা, ক্যান্টিন)"},
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
    # "The company" was read by workers as their own employer: the buyer is "the
    # brand that buys from this factory", the supplier "your employer".
    "poster_next_text": {
        "en": "The brand that buys from this factory and your employer will talk about these results and agree on improvements. We will tell you what was agreed.",
        "nl": "Het merk dat bij deze fabriek inkoopt en je werkgever bespreken deze resultaten en maken afspraken over verbeteringen. We laten je weten wat er is afgesproken.",
        "zh_Hans": "向本工厂采购的品牌和您的雇主将讨论这些结果并商定改进措施。我们会告诉您商定的内容。",
        "vi": "Nhãn hàng mua hàng từ nhà máy này và chủ sử dụng lao động của bạn sẽ trao đổi về các kết quả này và thống nhất các cải thiện. Chúng tôi sẽ cho bạn biết những gì đã được thống nhất.",
        "hi": "इस फ़ैक्टरी से माल खरीदने वाला ब्रांड और आपका नियोक्ता इन परिणामों पर बात करेंगे और सुधारों पर सहमति बनाएंगे। जो तय होगा, हम आपको बताएंगे।",
        "si": "මෙම කර්මාන්තශාලාවෙන් මිලදී ගන්නා සන්නාමය සහ ඔබේ සේවා යෝජකයා මෙම ප්‍රතිඵල ගැන කතා කර වැඩිදියුණු කිරීම් ගැන එකඟ වනු ඇත. එකඟ වූ දේ අපි ඔබට දන්වන්නෙමු.",
        "ta": "இந்தத் தொழிற்சாலையிடமிருந்து வாங்கும் பிராண்டும் உங்கள் முதலாளியும் இந்த முடிவுகளைப் பற்றிப் பேசி மேம்பாடுகளை ஒப்புக்கொள்வார்கள். ஒப்புக்கொண்டதை உங்களுக்குத் தெரிவிப்போம்.",
        "bn": "এই কারখানা থেকে পণ্য কেনে এমন ব্র্যান্ড ও আপনার নিয়োগকর্তা এই ফলাফল নিয়ে আলোচনা করে উন্নতির বিষয়ে একমত হবে। কী ঠিক হলো তা আমরা আপনাদের জানাব।"},
    # Beside "x % answered No", "saying no" read as "answering No is safe": it is
    # not taking part that has no consequences.
    "poster_voluntary": {
        "en": "Taking part is voluntary and anonymous. Nobody can see who answered, and not taking part has no consequences.",
        "nl": "Meedoen is vrijwillig en anoniem. Niemand kan zien wie heeft geantwoord, en niet meedoen heeft geen gevolgen.",
        "zh_Hans": "参与是自愿和匿名的。没有人能看到是谁回答的，不参加也不会有任何后果。",
        "vi": "Việc tham gia là tự nguyện và ẩn danh. Không ai biết ai đã trả lời, và không tham gia cũng không gây hậu quả gì.",
        "hi": "भाग लेना स्वैच्छिक और गुमनाम है। कोई नहीं देख सकता कि किसने जवाब दिया, और भाग न लेने का कोई परिणाम नहीं है।",
        "si": "සහභාගී වීම ස්වේච්ඡාවෙන් සහ නිර්නාමිකව සිදු වේ. පිළිතුරු දුන්නේ කවුදැයි කිසිවෙකුට නොපෙනේ, සහභාගී නොවීමෙන් කිසිදු ප්‍රතිවිපාකයක් නැත.",
        "ta": "பங்கேற்பது தன்னார்வமானது மற்றும் அநாமதேயமானது. யார் பதிலளித்தார்கள் என்பதை யாரும் பார்க்க முடியாது, பங்கேற்காவிட்டால் எந்த விளைவும் இல்லை.",
        "bn": "অংশ নেওয়া স্বেচ্ছামূলক ও বেনামি। কে উত্তর দিয়েছে তা কেউ দেখতে পারে না, এবং অংশ না নিলে কোনো সমস্যা হয় না।"},
    "poster_scan": {
        "en": "Scan to take part in the next survey", "nl": "Scan om mee te doen aan de volgende enquête",
        "zh_Hans": "扫码参加下一次调查", "vi": "Quét mã để tham gia khảo sát lần sau",
        "hi": "अगले सर्वेक्षण में भाग लेने के लिए स्कैन करें",
        "si": "ඊළඟ සමීක්ෂණයට සහභාගී වීමට ස්කෑන් කරන්න",
        "ta": "அடுத்த கணக்கெடுப்பில் பங்கேற்க ஸ்கேன் செய்யுங்கள்",
        "bn": "পরের জরিপে অংশ নিতে স্ক্যান করুন"},
    "poster_agreed": {
        "en": "What was agreed:", "nl": "Wat er is afgesproken:", "zh_Hans": "商定的内容：",
        "vi": "Những điều đã thống nhất:", "hi": "क्या तय हुआ:", "si": "එකඟ වූ දේ:",
        "ta": "ஒப்புக்கொள்ளப்பட்டவை:", "bn": "যা ঠিক হয়েছে:"},
    "owner_brand": {
        "en": "The brand that buys from this factory", "nl": "Het merk dat bij deze fabriek inkoopt",
        "zh_Hans": "向本工厂采购的品牌", "vi": "Nhãn hàng mua hàng từ nhà máy này",
        "hi": "इस फ़ैक्टरी से माल खरीदने वाला ब्रांड", "si": "මෙම කර්මාන්තශාලාවෙන් මිලදී ගන්නා සන්නාමය",
        "ta": "இந்தத் தொழிற்சாலையிடமிருந்து வாங்கும் பிராண்ட்", "bn": "এই কারখানা থেকে পণ্য কেনে এমন ব্র্যান্ড"},
    "owner_supplier": {
        "en": "Your employer", "nl": "Je werkgever", "zh_Hans": "您的雇主",
        "vi": "Chủ sử dụng lao động của bạn", "hi": "आपका नियोक्ता", "si": "ඔබේ සේවා යෝජකයා",
        "ta": "உங்கள் முதலாளி", "bn": "আপনার নিয়োগকর্তা"},
    "owner_factory": {
        "en": "The factory management", "nl": "De fabrieksleiding", "zh_Hans": "工厂管理层",
        "vi": "Ban quản lý nhà máy", "hi": "कारखाना प्रबंधन", "si": "කර්මාන්තශාලා කළමනාකාරිත්වය",
        "ta": "தொழிற்சாலை நிர்வாகம்", "bn": "কারখানা ব্যবস্থাপনা"},
    "poster_by": {
        "en": "by %(date)s", "nl": "uiterlijk %(date)s", "zh_Hans": "截止 %(date)s",
        "vi": "trước %(date)s", "hi": "%(date)s तक", "si": "%(date)s වන විට",
        "ta": "%(date)s க்குள்", "bn": "%(date)s এর মধ্যে"},
    "poster_done": {
        "en": "done", "nl": "gedaan", "zh_Hans": "已完成", "vi": "đã xong", "hi": "पूरा हुआ",
        "si": "නිම කළා", "ta": "முடிந்தது", "bn": "সম্পন্ন"},
    "poster_share": {
        "en": "%(pct)s answered “%(answer)s”", "nl": "%(pct)s antwoordde „%(answer)s”",
        "zh_Hans": "%(pct)s 回答“%(answer)s”", "vi": "%(pct)s trả lời “%(answer)s”",
        "hi": "%(pct)s ने “%(answer)s” उत्तर दिया", "si": "%(pct)s “%(answer)s” ලෙස පිළිතුරු දුන්නා",
        "ta": "%(pct)s பேர் “%(answer)s” என்று பதிலளித்தனர்", "bn": "%(pct)s “%(answer)s” উত্তর দিয়েছেন"},
    # Both name the button as it reads (``send``), in quotes: "press Send" pointed
    # at a button called "Send my answers".
    "busy": {
        "en": "Many people are sending their answers right now. Your answers are still here: please wait a minute and press “Send my answers” again.",
        "nl": "Veel mensen sturen nu hun antwoorden. Je antwoorden staan er nog: wacht een minuut en druk opnieuw op „Verstuur mijn antwoorden”.",
        "zh_Hans": "现在有很多人正在提交回答。您的回答仍然保留：请等一分钟后再次点击“提交我的回答”。",
        "vi": "Hiện có nhiều người đang gửi câu trả lời. Câu trả lời của bạn vẫn còn đây: vui lòng đợi một phút rồi nhấn lại “Gửi câu trả lời”.",
        "hi": "अभी बहुत से लोग अपने उत्तर भेज रहे हैं। आपके उत्तर अभी भी यहाँ हैं: कृपया एक मिनट रुकें और फिर से “मेरे उत्तर भेजें” दबाएँ।",
        "si": "දැන් බොහෝ දෙනෙක් තම පිළිතුරු යවමින් සිටිති. ඔබේ පිළිතුරු තවමත් මෙහි ඇත: කරුණාකර මිනිත්තුවක් රැඳී සිට නැවත “මගේ පිළිතුරු යවන්න” ඔබන්න.",
        "ta": "இப்போது பலர் தங்கள் பதில்களை அனுப்புகிறார்கள். உங்கள் பதில்கள் இன்னும் இங்கே உள்ளன: ஒரு நிமிடம் காத்திருந்து மீண்டும் “என் பதில்களை அனுப்பு” என்பதை அழுத்தவும்.",
        "bn": "এখন অনেকে তাদের উত্তর পাঠাচ্ছেন। আপনার উত্তর এখনও এখানে আছে: এক মিনিট অপেক্ষা করে আবার “আমার উত্তর পাঠান” চাপুন।"},
    "again": {
        "en": "This form was open for a long time. Your answers are still here: please press “Send my answers” again.",
        "nl": "Dit formulier stond lang open. Je antwoorden staan er nog: druk opnieuw op „Verstuur mijn antwoorden”.",
        "zh_Hans": "此表单打开的时间太长了。您的回答仍然保留：请再次点击“提交我的回答”。",
        "vi": "Biểu mẫu này đã mở quá lâu. Câu trả lời của bạn vẫn còn đây: vui lòng nhấn lại “Gửi câu trả lời”.",
        "hi": "यह फ़ॉर्म बहुत देर तक खुला रहा। आपके उत्तर अभी भी यहाँ हैं: कृपया फिर से “मेरे उत्तर भेजें” दबाएँ।",
        "si": "මෙම පෝරමය දිගු වේලාවක් විවෘතව තිබුණි. ඔබේ පිළිතුරු තවමත් මෙහි ඇත: කරුණාකර නැවත “මගේ පිළිතුරු යවන්න” ඔබන්න.",
        "ta": "இந்தப் படிவம் நீண்ட நேரம் திறந்திருந்தது. உங்கள் பதில்கள் இன்னும் இங்கே உள்ளன: மீண்டும் “என் பதில்களை அனுப்பு” என்பதை அழுத்தவும்.",
        "bn": "এই ফর্মটি অনেকক্ষণ খোলা ছিল। আপনার উত্তর এখনও এখানে আছে: আবার “আমার উত্তর পাঠান” চাপুন।"},
    "code": {
        "en": "Your code (on the paper you were given)", "nl": "Je code (op het papiertje dat je kreeg)",
        "zh_Hans": "您的代码（在发给您的纸条上）", "vi": "Mã của bạn (trên tờ giấy bạn được phát)",
        "hi": "आपका कोड (आपको दिए गए कागज़ पर)", "si": "ඔබේ කේතය (ඔබට දුන් කඩදාසියේ)",
        "ta": "உங்கள் குறியீடு (உங்களுக்குக் கொடுத்த காகிதத்தில்)",
        "bn": "আপনার কোড (আপনাকে দেওয়া কাগজে)"},
    "code_help": {
        "en": "Each code works once. Nobody can see which code belongs to which answers.",
        "nl": "Elke code werkt één keer. Niemand kan zien welke code bij welke antwoorden hoort.",
        "zh_Hans": "每个代码只能使用一次。没有人能看到哪个代码对应哪些回答。",
        "vi": "Mỗi mã chỉ dùng được một lần. Không ai có thể biết mã nào thuộc về câu trả lời nào.",
        "hi": "हर कोड एक बार काम करता है। कोई नहीं देख सकता कि कौन-सा कोड किन उत्तरों का है।",
        "si": "සෑම කේතයක්ම එක් වරක් පමණක් ක්‍රියා කරයි. කුමන කේතය කුමන පිළිතුරුවලට අයත්දැයි කිසිවෙකුට දැකිය නොහැක.",
        "ta": "ஒவ்வொரு குறியீடும் ஒருமுறை மட்டுமே வேலை செய்யும். எந்தக் குறியீடு எந்தப் பதில்களுக்குரியது என்பதை யாரும் பார்க்க முடியாது.",
        "bn": "প্রতিটি কোড একবারই কাজ করে। কোন কোড কোন উত্তরের তা কেউ দেখতে পারে না।"},
    # One message for unknown and used codes: a different one would tell whoever
    # holds the slips whether a given worker has answered.
    "code_invalid": {
        "en": "This code does not work: we do not know it, or it has already been used. Please check it on your paper and type it again. Your answers are still here.",
        "nl": "Deze code werkt niet: we kennen hem niet, of hij is al gebruikt. Controleer hem op je papiertje en typ hem opnieuw. Je antwoorden staan er nog.",
        "zh_Hans": "此代码无效：我们不认识它，或它已被使用。请对照纸条检查后重新输入。您的回答仍然保留。",
        "vi": "Mã này không dùng được: chúng tôi không nhận ra mã, hoặc mã đã được sử dụng. Vui lòng kiểm tra trên tờ giấy và nhập lại. Câu trả lời của bạn vẫn còn đây.",
        "hi": "यह कोड काम नहीं करता: हम इसे नहीं जानते, या यह पहले ही इस्तेमाल हो चुका है। कृपया इसे अपने कागज़ पर जाँचें और फिर से लिखें। आपके उत्तर अभी भी यहाँ हैं।",
        "si": "මෙම කේතය ක්‍රියා නොකරයි: අපි එය නොදනිමු, නැතහොත් එය දැනටමත් භාවිත කර ඇත. කරුණාකර ඔබේ කඩදාසියෙන් එය පරීක්ෂා කර නැවත ටයිප් කරන්න. ඔබේ පිළිතුරු තවමත් මෙහි ඇත.",
        "ta": "இந்தக் குறியீடு வேலை செய்யவில்லை: இது எங்களுக்குத் தெரியாது, அல்லது ஏற்கனவே பயன்படுத்தப்பட்டுவிட்டது. உங்கள் காகிதத்தில் சரிபார்த்து மீண்டும் தட்டச்சு செய்யுங்கள். உங்கள் பதில்கள் இன்னும் இங்கே உள்ளன.",
        "bn": "এই কোডটি কাজ করছে না: আমরা এটি চিনি না, অথবা এটি আগেই ব্যবহার হয়েছে। আপনার কাগজে দেখে আবার লিখুন। আপনার উত্তর এখনও এখানে আছে।"},
    "unknown_link": {
        "en": "We do not know this survey link. Please check the link or the QR code on the poster.",
        "nl": "Deze enquêtelink kennen we niet. Controleer de link of de QR-code op de poster.",
        "zh_Hans": "我们不认识这个调查链接。请检查海报上的链接或二维码。",
        "vi": "Chúng tôi không nhận ra đường dẫn khảo sát này. Vui lòng kiểm tra đường dẫn hoặc mã QR trên áp phích.",
        "hi": "हम इस सर्वेक्षण लिंक को नहीं जानते। कृपया पोस्टर पर लिंक या QR कोड जाँचें।",
        "si": "අපි මෙම සමීක්ෂණ සබැඳිය නොදනිමු. කරුණාකර පෝස්ටරයේ ඇති සබැඳිය හෝ QR කේතය පරීක්ෂා කරන්න.",
        "ta": "இந்தக் கணக்கெடுப்பு இணைப்பு எங்களுக்குத் தெரியாது. சுவரொட்டியில் உள்ள இணைப்பு அல்லது QR குறியீட்டைச் சரிபார்க்கவும்.",
        "bn": "আমরা এই জরিপের লিংক চিনি না। পোস্টারের লিংক বা QR কোড দেখে নিন।"},
    # Before the survey: the invitation poster, the survey's first lines, the
    # thank-you page and the access-code slips say who asks, who sees what, and
    # when workers hear back. Drafted: every language but English needs review.
    "invite_lead": {
        "en": "A survey for everyone who works at %(site)s.",
        "nl": "Een enquête voor iedereen die werkt bij %(site)s.",
        "zh_Hans": "面向在%(site)s工作的所有人的调查。",
        "vi": "Khảo sát dành cho tất cả những người làm việc tại %(site)s.",
        "hi": "%(site)s में काम करने वाले सभी लोगों के लिए एक सर्वेक्षण।",
        "si": "%(site)s හි වැඩ කරන සියලු දෙනා සඳහා සමීක්ෂණයක්.",
        "ta": "%(site)s இல் வேலை செய்யும் அனைவருக்குமான ஒரு கணக்கெடுப்பு.",
        "bn": "%(site)s-এ কাজ করেন এমন সবার জন্য একটি জরিপ।"},
    "invite_about": {
        "en": "A few questions about your work, such as pay, working hours, safety and how you are treated. You answer yes, no or don't know. It takes about five minutes.",
        "nl": "Een paar vragen over je werk, zoals je loon, werktijden, veiligheid en hoe je behandeld wordt. Je antwoordt met ja, nee of weet ik niet. Het duurt ongeveer vijf minuten.",
        "zh_Hans": "关于您工作的一些问题，例如工资、工作时间、安全以及您受到的对待。您只需回答“是”、“否”或“不知道”。大约需要五分钟。",
        "vi": "Một vài câu hỏi về công việc của bạn, như tiền lương, giờ làm việc, an toàn và cách bạn được đối xử. Bạn trả lời Có, Không hoặc Không biết. Chỉ mất khoảng năm phút.",
        "hi": "आपके काम के बारे में कुछ प्रश्न, जैसे वेतन, काम के घंटे, सुरक्षा और आपके साथ कैसा व्यवहार होता है। आप हाँ, नहीं या पता नहीं में उत्तर देते हैं। इसमें लगभग पाँच मिनट लगते हैं।",
        "si": "වැටුප, වැඩ කරන පැය, ආරක්ෂාව සහ ඔබට සලකන ආකාරය වැනි ඔබේ රැකියාව ගැන ප්‍රශ්න කිහිපයක්. ඔබ ඔව්, නැහැ හෝ නොදනිමි ලෙස පිළිතුරු දෙයි. මිනිත්තු පහක් පමණ ගත වේ.",
        "ta": "சம்பளம், வேலை நேரம், பாதுகாப்பு, நீங்கள் நடத்தப்படும் விதம் போன்ற உங்கள் வேலை பற்றிய சில கேள்விகள். ஆம், இல்லை அல்லது தெரியாது என்று பதிலளிக்கலாம். சுமார் ஐந்து நிமிடங்கள் ஆகும்.",
        "bn": "আপনার কাজ নিয়ে কয়েকটি প্রশ্ন, যেমন বেতন, কাজের সময়, নিরাপত্তা এবং আপনার সঙ্গে কেমন আচরণ করা হয়। আপনি হ্যাঁ, না বা জানি না বলে উত্তর দেবেন। প্রায় পাঁচ মিনিট লাগে।"},
    "invite_dates": {
        "en": "Open from %(start)s to %(end)s", "nl": "Open van %(start)s tot en met %(end)s",
        "zh_Hans": "开放时间：%(start)s 至 %(end)s", "vi": "Mở từ %(start)s đến hết %(end)s",
        "hi": "%(start)s से %(end)s तक खुला", "si": "%(start)s සිට %(end)s දක්වා විවෘතයි",
        "ta": "%(start)s முதல் %(end)s வரை திறந்திருக்கும்", "bn": "%(start)s থেকে %(end)s পর্যন্ত খোলা"},
    "invite_how": {
        "en": "How to answer", "nl": "Zo doe je mee", "zh_Hans": "如何参与", "vi": "Cách trả lời",
        "hi": "उत्तर कैसे दें", "si": "පිළිතුරු දෙන ආකාරය", "ta": "எப்படிப் பதிலளிப்பது",
        "bn": "কীভাবে উত্তর দেবেন"},
    "invite_scan": {
        "en": "Scan the code with your phone's camera, or type this address:",
        "nl": "Scan de code met de camera van je telefoon, of typ dit adres:",
        "zh_Hans": "用手机相机扫描二维码，或输入此网址：",
        "vi": "Quét mã bằng camera điện thoại, hoặc nhập địa chỉ này:",
        "hi": "अपने फ़ोन के कैमरे से कोड स्कैन करें, या यह पता लिखें:",
        "si": "ඔබේ දුරකථනයේ කැමරාවෙන් කේතය ස්කෑන් කරන්න, නැතහොත් මෙම ලිපිනය ටයිප් කරන්න:",
        "ta": "உங்கள் தொலைபேசி கேமராவால் குறியீட்டை ஸ்கேன் செய்யுங்கள், அல்லது இந்த முகவரியைத் தட்டச்சு செய்யுங்கள்:",
        "bn": "ফোনের ক্যামেরা দিয়ে কোডটি স্ক্যান করুন, অথবা এই ঠিকানাটি লিখুন:"},
    "invite_code": {
        "en": "You also need a code from a paper slip. Take one where the slips are handed out: each code works once, and nobody can see which code belongs to which answers.",
        "nl": "Je hebt ook een code van een papiertje nodig. Pak er een waar de papiertjes worden uitgedeeld: elke code werkt één keer, en niemand kan zien welke code bij welke antwoorden hoort.",
        "zh_Hans": "您还需要纸条上的代码。请到发放纸条的地方取一张：每个代码只能使用一次，没有人能看到哪个代码对应哪些回答。",
        "vi": "Bạn cũng cần một mã trên tờ giấy nhỏ. Hãy lấy một tờ ở nơi phát giấy: mỗi mã chỉ dùng được một lần, và không ai có thể biết mã nào thuộc về câu trả lời nào.",
        "hi": "आपको एक कागज़ की पर्ची पर लिखा कोड भी चाहिए। जहाँ पर्चियाँ बाँटी जा रही हैं, वहाँ से एक लें: हर कोड एक बार काम करता है, और कोई नहीं देख सकता कि कौन-सा कोड किन उत्तरों का है।",
        "si": "ඔබට කඩදාසි පත්‍රිකාවක ඇති කේතයක් ද අවශ්‍ය වේ. පත්‍රිකා බෙදා දෙන තැනින් එකක් ගන්න: සෑම කේතයක්ම එක් වරක් පමණක් ක්‍රියා කරයි, කුමන කේතය කුමන පිළිතුරුවලට අයත්දැයි කිසිවෙකුට දැකිය නොහැක.",
        "ta": "உங்களுக்கு ஒரு காகிதச் சீட்டில் உள்ள குறியீடும் தேவை. சீட்டுகள் வழங்கப்படும் இடத்தில் ஒன்றை எடுத்துக்கொள்ளுங்கள்: ஒவ்வொரு குறியீடும் ஒருமுறை மட்டுமே வேலை செய்யும், எந்தக் குறியீடு எந்தப் பதில்களுக்குரியது என்பதை யாரும் பார்க்க முடியாது.",
        "bn": "আপনার একটি কাগজের স্লিপে লেখা কোডও লাগবে। যেখানে স্লিপ দেওয়া হচ্ছে সেখান থেকে একটি নিন: প্রতিটি কোড একবারই কাজ করে, এবং কোন কোড কোন উত্তরের তা কেউ দেখতে পারে না।"},
    # How to reach a provider's survey: the poster leaves a line to write the
    # number or address on (the app does not know them).
    "via_phone": {
        "en": "By phone (call):", "nl": "Per telefoon (bel):", "zh_Hans": "电话（拨打）：",
        "vi": "Qua điện thoại (gọi):", "hi": "फ़ोन से (कॉल करें):", "si": "දුරකථනයෙන් (අමතන්න):",
        "ta": "தொலைபேசியில் (அழைக்கவும்):", "bn": "ফোনে (কল করুন):"},
    "via_whatsapp": {
        "en": "On WhatsApp:", "nl": "Via WhatsApp:", "zh_Hans": "WhatsApp：", "vi": "Qua WhatsApp:",
        "hi": "WhatsApp पर:", "si": "WhatsApp හරහා:", "ta": "WhatsApp இல்:", "bn": "WhatsApp-এ:"},
    "via_wechat": {
        "en": "On WeChat:", "nl": "Via WeChat:", "zh_Hans": "微信：", "vi": "Qua WeChat:",
        "hi": "WeChat पर:", "si": "WeChat හරහා:", "ta": "WeChat இல்:", "bn": "WeChat-এ:"},
    "via_sms": {
        "en": "By text message (SMS):", "nl": "Per sms:", "zh_Hans": "短信：",
        "vi": "Qua tin nhắn (SMS):", "hi": "SMS से:", "si": "කෙටි පණිවිඩයෙන් (SMS):",
        "ta": "குறுஞ்செய்தியில் (SMS):", "bn": "মেসেজে (SMS):"},
    "via_web": {
        "en": "On the internet:", "nl": "Via internet:", "zh_Hans": "网上：", "vi": "Trên mạng:",
        "hi": "इंटरनेट पर:", "si": "අන්තර්ජාලයෙන්:", "ta": "இணையத்தில்:", "bn": "ইন্টারনেটে:"},
    "invite_voluntary": {
        "en": "Taking part is voluntary: not taking part has no consequences for you. It is anonymous: we do not ask your name, and nobody at the factory sees single answers.",
        "nl": "Meedoen is vrijwillig: niet meedoen heeft geen gevolgen voor jou. Het is anoniem: we vragen niet naar je naam, en niemand in de fabriek ziet afzonderlijke antwoorden.",
        "zh_Hans": "参与是自愿的：不参加对您没有任何影响。调查是匿名的：我们不会询问您的姓名，工厂里没有人能看到单个人的回答。",
        "vi": "Việc tham gia là tự nguyện: không tham gia cũng không ảnh hưởng gì đến bạn. Khảo sát là ẩn danh: chúng tôi không hỏi tên bạn, và không ai trong nhà máy xem được câu trả lời của từng người.",
        "hi": "भाग लेना स्वैच्छिक है: भाग न लेने का आप पर कोई असर नहीं होगा। यह गुमनाम है: हम आपका नाम नहीं पूछते, और फ़ैक्टरी में कोई भी किसी एक व्यक्ति के उत्तर नहीं देखता।",
        "si": "සහභාගී වීම ස්වේච්ඡාවෙනි: සහභාගී නොවීමෙන් ඔබට කිසිදු බලපෑමක් නැත. එය නිර්නාමිකයි: අපි ඔබේ නම අසන්නේ නැත, කර්මාන්තශාලාවේ කිසිවෙකුට තනි පුද්ගලයෙකුගේ පිළිතුරු නොපෙනේ.",
        "ta": "பங்கேற்பது தன்னார்வமானது: பங்கேற்காவிட்டால் உங்களுக்கு எந்தப் பாதிப்பும் இல்லை. இது அநாமதேயமானது: உங்கள் பெயரை நாங்கள் கேட்பதில்லை, தொழிற்சாலையில் யாரும் தனிப்பட்ட ஒருவரின் பதில்களைப் பார்க்க முடியாது.",
        "bn": "অংশ নেওয়া স্বেচ্ছামূলক: অংশ না নিলে আপনার কোনো সমস্যা হবে না। এটি বেনামি: আমরা আপনার নাম জিজ্ঞেস করি না, এবং কারখানার কেউ কারও আলাদা উত্তর দেখতে পায় না।"},
    "invite_who": {
        "en": "Who asks, and who sees the results", "nl": "Wie het vraagt, en wie de uitkomsten ziet",
        "zh_Hans": "谁在调查，谁能看到结果", "vi": "Ai thực hiện khảo sát, ai xem kết quả",
        "hi": "कौन पूछ रहा है, और परिणाम कौन देखता है",
        "si": "සමීක්ෂණය කරන්නේ කවුද, ප්‍රතිඵල දකින්නේ කවුද",
        "ta": "யார் கேட்கிறார்கள், முடிவுகளை யார் பார்க்கிறார்கள்",
        "bn": "কে জিজ্ঞেস করছে, আর ফলাফল কে দেখবে"},
    # Who runs the survey: a provider for the brand, or the brand itself through
    # this app's survey (the brand's own channel).
    "runs_provider": {
        "en": "%(provider)s runs this survey for %(brand)s, the brand that buys from this factory.",
        "nl": "%(provider)s houdt deze enquête voor %(brand)s, het merk dat bij deze fabriek inkoopt.",
        "zh_Hans": "本调查由%(provider)s为%(brand)s开展，%(brand)s是向本工厂采购的品牌。",
        "vi": "%(provider)s thực hiện khảo sát này cho %(brand)s, nhãn hàng mua hàng từ nhà máy này.",
        "hi": "%(provider)s यह सर्वेक्षण %(brand)s के लिए करता है, जो इस फ़ैक्टरी से माल खरीदने वाला ब्रांड है।",
        "si": "මෙම සමීක්ෂණය %(provider)s විසින් %(brand)s වෙනුවෙන් පවත්වයි; %(brand)s යනු මෙම කර්මාන්තශාලාවෙන් මිලදී ගන්නා සන්නාමයයි.",
        "ta": "இந்தக் கணக்கெடுப்பை %(provider)s, %(brand)s க்காக நடத்துகிறது; %(brand)s இந்தத் தொழிற்சாலையிடமிருந்து வாங்கும் பிராண்ட்.",
        "bn": "%(provider)s এই জরিপটি পরিচালনা করছে %(brand)s-এর জন্য, যে ব্র্যান্ড এই কারখানা থেকে পণ্য কেনে।"},
    "runs_brand": {
        "en": "%(brand)s, the brand that buys from this factory, runs this survey itself, on its own survey website.",
        "nl": "%(brand)s, het merk dat bij deze fabriek inkoopt, houdt deze enquête zelf, op een eigen enquêtesite.",
        "zh_Hans": "本调查由%(brand)s（向本工厂采购的品牌）通过自己的调查网站直接开展。",
        "vi": "%(brand)s, nhãn hàng mua hàng từ nhà máy này, tự thực hiện khảo sát này trên trang khảo sát của mình.",
        "hi": "%(brand)s, जो इस फ़ैक्टरी से माल खरीदने वाला ब्रांड है, यह सर्वेक्षण अपनी सर्वेक्षण वेबसाइट पर खुद करता है।",
        "si": "මෙම කර්මාන්තශාලාවෙන් මිලදී ගන්නා සන්නාමය වන %(brand)s, මෙම සමීක්ෂණය තමන්ගේම සමීක්ෂණ වෙබ් අඩවියේ පවත්වයි.",
        "ta": "இந்தத் தொழிற்சாலையிடமிருந்து வாங்கும் பிராண்டான %(brand)s, இந்தக் கணக்கெடுப்பைத் தனது சொந்தக் கணக்கெடுப்பு இணையதளத்தில் நடத்துகிறது.",
        "bn": "এই কারখানা থেকে পণ্য কেনে এমন ব্র্যান্ড %(brand)s নিজেই তার নিজস্ব জরিপ ওয়েবসাইটে এই জরিপটি পরিচালনা করছে।"},
    "who_sees": {
        "en": "%(brand)s and your employer see only grouped results (how many answered yes or no), never who said what.",
        "nl": "%(brand)s en je werkgever zien alleen uitkomsten per groep (hoeveel mensen ja of nee zeiden), nooit wie wat zei.",
        "zh_Hans": "%(brand)s和您的雇主只能看到汇总结果（多少人回答“是”或“否”），永远看不到谁说了什么。",
        "vi": "%(brand)s và chủ sử dụng lao động của bạn chỉ xem kết quả tổng hợp (bao nhiêu người trả lời có hay không), không bao giờ biết ai đã nói gì.",
        "hi": "%(brand)s और आपका नियोक्ता केवल समूह के परिणाम देखते हैं (कितने लोगों ने हाँ या नहीं कहा), कभी यह नहीं कि किसने क्या कहा।",
        "si": "%(brand)s සහ ඔබේ සේවා යෝජකයා දකින්නේ කණ්ඩායම් වශයෙන් ලැබුණු ප්‍රතිඵල පමණි (ඔව් හෝ නැහැ කී ගණන), කවුරු කුමක් කීවාදැයි කිසි විටෙක නොවේ.",
        "ta": "%(brand)s மற்றும் உங்கள் முதலாளி குழுவாகத் தொகுக்கப்பட்ட முடிவுகளை மட்டுமே பார்க்கிறார்கள் (எத்தனை பேர் ஆம் அல்லது இல்லை என்றார்கள்), யார் என்ன சொன்னார்கள் என்பதை ஒருபோதும் அல்ல.",
        "bn": "%(brand)s এবং আপনার নিয়োগকর্তা শুধু দলগত ফলাফল দেখেন (কতজন হ্যাঁ বা না বলেছেন), কে কী বলেছেন তা কখনো নয়।"},
    "invite_back": {
        "en": "When you hear back", "nl": "Wanneer je iets terughoort",
        "zh_Hans": "何时得到反馈", "vi": "Khi nào bạn nhận được kết quả",
        "hi": "परिणाम कब मिलेंगे", "si": "ප්‍රතිඵල ලැබෙන්නේ කවදාද",
        "ta": "முடிவுகள் எப்போது கிடைக்கும்", "bn": "ফলাফল কখন জানবেন"},
    "results_back": {
        "en": "After the survey closes on %(end)s, the answers are counted. Your employer will share the results with you by %(by)s, for example on a poster at work.",
        "nl": "Na het sluiten van de enquête op %(end)s worden de antwoorden geteld. Je werkgever deelt de uitkomsten uiterlijk %(by)s met jullie, bijvoorbeeld op een poster op het werk.",
        "zh_Hans": "调查于%(end)s结束后，将统计所有回答。您的雇主会在%(by)s之前与您分享结果，例如在工作场所张贴海报。",
        "vi": "Sau khi khảo sát kết thúc vào %(end)s, các câu trả lời sẽ được tổng hợp. Chủ sử dụng lao động sẽ chia sẻ kết quả với bạn trước %(by)s, ví dụ bằng áp phích tại nơi làm việc.",
        "hi": "%(end)s को सर्वेक्षण बंद होने के बाद उत्तरों की गिनती होगी। आपका नियोक्ता %(by)s तक परिणाम आपके साथ साझा करेगा, जैसे काम की जगह पर एक पोस्टर के ज़रिए।",
        "si": "%(end)s දින සමීක්ෂණය අවසන් වූ පසු පිළිතුරු ගණන් කෙරේ. ඔබේ සේවා යෝජකයා %(by)s වන විට ප්‍රතිඵල ඔබ සමඟ බෙදා ගනී, උදාහරණයක් ලෙස රැකියා ස්ථානයේ පෝස්ටරයක් මඟින්.",
        "ta": "%(end)s அன்று கணக்கெடுப்பு முடிந்த பிறகு பதில்கள் எண்ணப்படும். உங்கள் முதலாளி %(by)s க்குள் முடிவுகளை உங்களுடன் பகிர்ந்துகொள்வார், உதாரணமாக வேலை இடத்தில் ஒரு சுவரொட்டி மூலம்.",
        "bn": "%(end)s তারিখে জরিপ বন্ধ হওয়ার পর উত্তরগুলো গোনা হবে। আপনার নিয়োগকর্তা %(by)s-এর মধ্যে ফলাফল আপনাদের জানাবেন, যেমন কাজের জায়গায় একটি পোস্টারে।"},
    "slip_voluntary": {
        "en": "Taking part is voluntary and anonymous: not taking part has no consequences, and nobody at the factory sees your answers.",
        "nl": "Meedoen is vrijwillig en anoniem: niet meedoen heeft geen gevolgen, en niemand in de fabriek ziet je antwoorden.",
        "zh_Hans": "参与是自愿和匿名的：不参加不会有任何后果，工厂里没有人能看到您的回答。",
        "vi": "Tham gia là tự nguyện và ẩn danh: không tham gia cũng không gây hậu quả gì, và không ai trong nhà máy xem được câu trả lời của bạn.",
        "hi": "भाग लेना स्वैच्छिक और गुमनाम है: भाग न लेने का कोई परिणाम नहीं है, और फ़ैक्टरी में कोई आपके उत्तर नहीं देखता।",
        "si": "සහභාගී වීම ස්වේච්ඡා සහ නිර්නාමිකයි: සහභාගී නොවීමෙන් කිසිදු ප්‍රතිවිපාකයක් නැත, කර්මාන්තශාලාවේ කිසිවෙකුට ඔබේ පිළිතුරු නොපෙනේ.",
        "ta": "பங்கேற்பது தன்னார்வமானது, அநாமதேயமானது: பங்கேற்காவிட்டால் எந்த விளைவும் இல்லை, தொழிற்சாலையில் யாரும் உங்கள் பதில்களைப் பார்க்க முடியாது.",
        "bn": "অংশ নেওয়া স্বেচ্ছামূলক ও বেনামি: অংশ না নিলে কোনো সমস্যা হবে না, এবং কারখানার কেউ আপনার উত্তর দেখতে পায় না।"},
}

# Urdu (written right to left), Khmer, Burmese, Indonesian and Turkish: for the
# garment workers of Pakistan, Cambodia, Myanmar, Indonesia and Türkiye (issue 21).
# Drafted by machine like the others, each to be reviewed by a fluent speaker. Kept
# apart from the eight above, so that corrections to either do not meet.
_ADDED: dict[str, dict[str, str]] = {
    "title": {
        "ur": "کام پر آپ کی آواز", "km": "សំឡេងរបស់អ្នកនៅកន្លែងធ្វើការ", "my": "အလုပ်ခွင်ရှိ သင့်အသံ",
        "id": "Suara Anda di tempat kerja", "tr": "İşyerinde sizin sesiniz"},
    "intro": {
        "ur": "حصہ لینا رضاکارانہ اور گمنام ہے۔ ہم آپ کا نام نہیں پوچھتے، اور کوئی نہیں دیکھ سکتا کہ کس نے جواب دیا۔ اس میں تقریباً پانچ منٹ لگتے ہیں۔",
        "km": "ការចូលរួមគឺស្ម័គ្រចិត្ត និងអនាមិក។ យើងមិនសួរឈ្មោះរបស់អ្នកទេ ហើយគ្មាននរណាម្នាក់អាចដឹងថាអ្នកណាបានឆ្លើយនោះទេ។ វាចំណាយពេលប្រហែលប្រាំនាទី។",
        "my": "ပါဝင်ဖြေဆိုခြင်းသည် မိမိဆန္ဒအလျောက်ဖြစ်ပြီး အမည်မဖော်ပါ။ သင့်အမည်ကို ကျွန်ုပ်တို့ မမေးပါ၊ မည်သူဖြေဆိုသည်ကိုလည်း မည်သူမျှ မမြင်နိုင်ပါ။ ငါးမိနစ်ခန့် ကြာပါသည်။",
        "id": "Ikut serta bersifat sukarela dan anonim. Kami tidak menanyakan nama Anda, dan tidak ada yang bisa melihat siapa yang menjawab. Hanya perlu sekitar lima menit.",
        "tr": "Katılım gönüllü ve anonimdir. Adınızı sormuyoruz ve kimin cevap verdiğini kimse göremez. Yaklaşık beş dakika sürer."},
    "skip": {
        "ur": "آپ کوئی بھی سوال چھوڑ سکتے ہیں۔", "km": "អ្នកអាចរំលងសំណួរណាមួយក៏បាន។",
        "my": "မည်သည့်မေးခွန်းကိုမဆို ကျော်သွားနိုင်ပါသည်။", "id": "Anda boleh melewati pertanyaan mana pun.",
        "tr": "İstediğiniz soruyu atlayabilirsiniz."},
    "yes": {"ur": "ہاں", "km": "បាទ/ចាស", "my": "ဟုတ်ကဲ့", "id": "Ya", "tr": "Evet"},
    "no": {"ur": "نہیں", "km": "ទេ", "my": "မဟုတ်ပါ", "id": "Tidak", "tr": "Hayır"},
    "dk": {"ur": "معلوم نہیں", "km": "មិនដឹង", "my": "မသိပါ", "id": "Tidak tahu", "tr": "Bilmiyorum"},
    "about_you": {
        "ur": "آپ کے بارے میں (اختیاری)", "km": "អំពីអ្នក (មិនចាំបាច់)",
        "my": "သင့်အကြောင်း (မဖြေလည်း ရပါသည်)", "id": "Tentang Anda (tidak wajib)",
        "tr": "Sizin hakkınızda (isteğe bağlı)"},
    "gender": {"ur": "آپ ہیں", "km": "អ្នកជា", "my": "သင်သည်", "id": "Anda adalah",
               "tr": "Cinsiyetiniz"},
    "woman": {"ur": "عورت", "km": "ស្ត្រី", "my": "အမျိုးသမီး", "id": "Perempuan", "tr": "Kadın"},
    "man": {"ur": "مرد", "km": "បុរស", "my": "အမျိုးသား", "id": "Laki-laki", "tr": "Erkek"},
    "other": {"ur": "دیگر", "km": "ផ្សេងទៀត", "my": "အခြား", "id": "Lainnya", "tr": "Diğer"},
    "age_band": {"ur": "آپ کی عمر", "km": "អាយុរបស់អ្នក", "my": "သင့်အသက်", "id": "Usia Anda",
                 "tr": "Yaşınız"},
    "under_18": {"ur": "18 سال سے کم", "km": "ក្រោម 18 ឆ្នាំ", "my": "18 နှစ်အောက်",
                 "id": "Di bawah 18", "tr": "18'den küçük"},
    "55_plus": {"ur": "55 سال یا زیادہ", "km": "55 ឆ្នាំ ឬលើសពីនេះ", "my": "55 နှစ်နှင့်အထက်",
                "id": "55 atau lebih", "tr": "55 veya üzeri"},
    "contract": {"ur": "آپ کا معاہدہ", "km": "កិច្ចសន្យារបស់អ្នក", "my": "သင့်အလုပ်စာချုပ်",
                 "id": "Kontrak Anda", "tr": "Sözleşmeniz"},
    "permanent": {"ur": "مستقل", "km": "អចិន្ត្រៃយ៍", "my": "အမြဲတမ်း", "id": "Tetap",
                  "tr": "Süresiz (kadrolu)"},
    "temporary": {"ur": "عارضی", "km": "បណ្តោះអាសន្ន", "my": "ယာယီ", "id": "Sementara",
                  "tr": "Geçici"},
    # A labour agency or contractor, not "a company" (every worker is hired by one).
    "agency": {"ur": "ٹھیکیدار یا لیبر ایجنسی کے ذریعے", "km": "តាមរយៈភ្នាក់ងារផ្គត់ផ្គង់កម្មករ",
               "my": "အလုပ်အကိုင်အေဂျင်စီမှတစ်ဆင့်", "id": "Melalui agen penyalur tenaga kerja (outsourcing)",
               "tr": "Taşeron veya özel istihdam bürosu aracılığıyla"},
    "migrant_contract": {
        "ur": "مہاجر کا معاہدہ (دوسرے صوبے یا ملک سے)",
        "km": "កិច្ចសន្យាពលករចំណាកស្រុក (មកពីខេត្ត ឬប្រទេសផ្សេង)",
        "my": "ရွှေ့ပြောင်းအလုပ်သမား စာချုပ် (အခြားပြည်နယ် သို့မဟုတ် နိုင်ငံမှ)",
        "id": "Kontrak pekerja migran (dari provinsi atau negara lain)",
        "tr": "Göçmen sözleşmesi (başka bir ilden veya ülkeden)"},
    "role": {"ur": "آپ کا کام", "km": "ការងាររបស់អ្នក", "my": "သင့်အလုပ်", "id": "Pekerjaan Anda",
             "tr": "İşiniz"},
    "production": {"ur": "پیداوار", "km": "ផលិតកម្ម", "my": "ထုတ်လုပ်ရေး", "id": "Produksi",
                   "tr": "Üretim"},
    "supervisor": {"ur": "سپروائزر یا ٹیم لیڈر", "km": "អ្នកគ្រប់គ្រង ឬប្រធានក្រុម",
                   "my": "ကြီးကြပ်ရေးမှူး သို့မဟုတ် အဖွဲ့ခေါင်းဆောင်", "id": "Pengawas atau ketua tim",
                   "tr": "Şef veya ekip lideri"},
    "support": {
        "ur": "معاون کام (دفتر، گودام، صفائی، کینٹین)",
        "km": "ការងារគាំទ្រ (ការិយាល័យ ឃ្លាំង អនាម័យ អាហារដ្ឋាន)",
        "my": "အထောက်အကူလုပ်ငန်း (ရုံး၊ ဂိုဒေါင်၊ သန့်ရှင်းရေး၊ စားသောက်ဆောင်)",
        "id": "Pekerjaan pendukung (kantor, gudang, kebersihan, kantin)",
        "tr": "Destek işi (ofis, depo, temizlik, yemekhane)"},
    "send": {"ur": "میرے جوابات بھیجیں", "km": "ផ្ញើចម្លើយរបស់ខ្ញុំ", "my": "ကျွန်ုပ်၏အဖြေများကို ပို့ရန်",
             "id": "Kirim jawaban saya", "tr": "Cevaplarımı gönder"},
    "answer_one": {
        "ur": "براہ کرم کم از کم ایک سوال کا جواب دیں۔", "km": "សូមឆ្លើយយ៉ាងហោចណាស់មួយសំណួរ។",
        "my": "ကျေးဇူးပြု၍ အနည်းဆုံး မေးခွန်းတစ်ခုကို ဖြေဆိုပါ။",
        "id": "Mohon jawab paling sedikit satu pertanyaan.", "tr": "Lütfen en az bir soruyu cevaplayın."},
    "thanks": {
        "ur": "شکریہ۔ آپ کے جوابات آپ کے نام کے بغیر محفوظ ہو گئے ہیں۔",
        "km": "សូមអរគុណ។ ចម្លើយរបស់អ្នកត្រូវបានរក្សាទុក ដោយគ្មានឈ្មោះរបស់អ្នក។",
        "my": "ကျေးဇူးတင်ပါသည်။ သင့်အဖြေများကို သင့်အမည်မပါဘဲ သိမ်းဆည်းပြီးပါပြီ။",
        "id": "Terima kasih. Jawaban Anda sudah disimpan, tanpa nama Anda.",
        "tr": "Teşekkürler. Cevaplarınız adınız olmadan kaydedildi."},
    "closed": {
        "ur": "یہ سروے اس وقت کھلا نہیں ہے۔", "km": "ការស្ទង់មតិនេះមិនបើកនៅពេលនេះទេ។",
        "my": "ဤစစ်တမ်းကို ယခုအချိန်တွင် ဖွင့်မထားပါ။", "id": "Survei ini sedang tidak dibuka.",
        "tr": "Bu anket şu anda açık değil."},
    "poster_title": {
        "ur": "آپ نے ہمیں کیا بتایا", "km": "អ្វីដែលអ្នកបានប្រាប់យើង",
        "my": "သင်တို့ ကျွန်ုပ်တို့ကို ပြောပြခဲ့သည်များ", "id": "Apa yang Anda sampaikan kepada kami",
        "tr": "Bize anlattıklarınız"},
    # Turkish: no suffix after the share, whose sound changes with the number.
    "poster_rate": {
        "ur": "%(pct)s کارکنوں نے حصہ لیا۔ شکریہ!", "km": "កម្មករ %(pct)s បានចូលរួម។ សូមអរគុណ!",
        "my": "အလုပ်သမား %(pct)s ပါဝင်ဖြေဆိုခဲ့ကြပါသည်။ ကျေးဇူးတင်ပါသည်!",
        "id": "%(pct)s pekerja ikut serta. Terima kasih!",
        "tr": "Çalışanların katılım oranı: %(pct)s. Teşekkürler!"},
    "poster_good": {
        "ur": "کیا اچھا چل رہا ہے", "km": "អ្វីដែលដំណើរការល្អ", "my": "ကောင်းမွန်နေသည်များ",
        "id": "Yang sudah berjalan baik", "tr": "İyi gidenler"},
    "poster_attention": {
        "ur": "کن باتوں پر توجہ کی ضرورت ہے", "km": "អ្វីដែលត្រូវយកចិត្តទុកដាក់",
        "my": "အာရုံစိုက်ရန် လိုအပ်သည်များ", "id": "Yang perlu diperhatikan",
        "tr": "İlgilenilmesi gerekenler"},
    "poster_next": {
        "ur": "آگے کیا ہوگا", "km": "អ្វីដែលនឹងកើតឡើងបន្ទាប់", "my": "နောက်တစ်ဆင့် ဘာဖြစ်မလဲ",
        "id": "Apa yang terjadi selanjutnya", "tr": "Bundan sonra ne olacak"},
    "poster_next_text": {
        "ur": "اس فیکٹری سے مال خریدنے والا برانڈ اور آپ کا آجر ان نتائج پر بات کریں گے اور بہتری کے اقدامات پر اتفاق کریں گے۔ جو طے ہوگا، ہم آپ کو بتائیں گے۔",
        "km": "ម៉ាកដែលទិញពីរោងចក្រនេះ និងនិយោជករបស់អ្នក នឹងពិភាក្សាអំពីលទ្ធផលទាំងនេះ ហើយព្រមព្រៀងគ្នាលើការកែលម្អ។ យើងនឹងប្រាប់អ្នកពីអ្វីដែលបានព្រមព្រៀង។",
        "my": "ဤစက်ရုံမှ ဝယ်ယူသော ကုန်အမှတ်တံဆိပ်နှင့် သင့်အလုပ်ရှင်တို့သည် ဤရလဒ်များကို ဆွေးနွေးပြီး တိုးတက်မှုများအတွက် သဘောတူညီချက်များ ချမှတ်ပါမည်။ သဘောတူညီခဲ့သည်များကို သင့်အား ပြန်လည်အသိပေးပါမည်။",
        "id": "Merek yang membeli dari pabrik ini dan pemberi kerja Anda akan membahas hasil ini dan menyepakati perbaikan. Kami akan memberi tahu Anda apa yang disepakati.",
        "tr": "Bu fabrikadan alım yapan marka ve işvereniniz bu sonuçları konuşacak ve iyileştirmeler üzerinde anlaşacak. Nelerin kararlaştırıldığını size bildireceğiz."},
    "poster_voluntary": {
        "ur": "حصہ لینا رضاکارانہ اور گمنام ہے۔ کوئی نہیں دیکھ سکتا کہ کس نے جواب دیا، اور حصہ نہ لینے پر کوئی نقصان نہیں ہوتا۔",
        "km": "ការចូលរួមគឺស្ម័គ្រចិត្ត និងអនាមិក។ គ្មាននរណាម្នាក់អាចដឹងថាអ្នកណាបានឆ្លើយទេ ហើយការមិនចូលរួមមិនមានផលវិបាកអ្វីទេ។",
        "my": "ပါဝင်ဖြေဆိုခြင်းသည် မိမိဆန္ဒအလျောက်ဖြစ်ပြီး အမည်မဖော်ပါ။ မည်သူဖြေဆိုသည်ကို မည်သူမျှ မမြင်နိုင်ပါ၊ ပါဝင်မဖြေဆိုခြင်းကြောင့်လည်း မည်သည့်အကျိုးဆက်မျှ မရှိပါ။",
        "id": "Ikut serta bersifat sukarela dan anonim. Tidak ada yang bisa melihat siapa yang menjawab, dan tidak ikut serta tidak membawa akibat apa pun.",
        "tr": "Katılım gönüllü ve anonimdir. Kimin cevap verdiğini kimse göremez ve katılmamanın hiçbir olumsuz sonucu yoktur."},
    "poster_scan": {
        "ur": "اگلے سروے میں حصہ لینے کے لیے اسکین کریں", "km": "ស្កេនដើម្បីចូលរួមក្នុងការស្ទង់មតិលើកក្រោយ",
        "my": "နောက်စစ်တမ်းတွင် ပါဝင်ရန် စကင်ဖတ်ပါ", "id": "Pindai untuk ikut serta dalam survei berikutnya",
        "tr": "Bir sonraki ankete katılmak için tarayın"},
    "poster_agreed": {
        "ur": "کیا طے ہوا:", "km": "អ្វីដែលបានព្រមព្រៀង៖", "my": "သဘောတူညီခဲ့သည်များ -",
        "id": "Yang disepakati:", "tr": "Kararlaştırılanlar:"},
    "owner_brand": {
        "ur": "اس فیکٹری سے مال خریدنے والا برانڈ", "km": "ម៉ាកដែលទិញពីរោងចក្រនេះ",
        "my": "ဤစက်ရုံမှ ဝယ်ယူသော ကုန်အမှတ်တံဆိပ်", "id": "Merek yang membeli dari pabrik ini",
        "tr": "Bu fabrikadan alım yapan marka"},
    "owner_supplier": {
        "ur": "آپ کا آجر", "km": "និយោជករបស់អ្នក", "my": "သင့်အလုပ်ရှင်", "id": "Pemberi kerja Anda",
        "tr": "İşvereniniz"},
    "owner_factory": {
        "ur": "فیکٹری کی انتظامیہ", "km": "គណៈគ្រប់គ្រងរោងចក្រ", "my": "စက်ရုံစီမံခန့်ခွဲမှုအဖွဲ့",
        "id": "Manajemen pabrik", "tr": "Fabrika yönetimi"},
    "poster_by": {
        "ur": "%(date)s تک", "km": "ត្រឹម %(date)s", "my": "%(date)s နောက်ဆုံးထား၍",
        "id": "paling lambat %(date)s", "tr": "en geç %(date)s"},
    "poster_done": {"ur": "مکمل", "km": "រួចរាល់", "my": "ပြီးစီးပါပြီ", "id": "selesai",
                    "tr": "yapıldı"},
    "poster_share": {
        "ur": "%(pct)s نے “%(answer)s” جواب دیا", "km": "%(pct)s បានឆ្លើយថា “%(answer)s”",
        "my": "%(pct)s က “%(answer)s” ဟု ဖြေဆိုခဲ့သည်", "id": "%(pct)s menjawab “%(answer)s”",
        "tr": "%(pct)s “%(answer)s” dedi"},
    # Both name the button as it reads (``send``).
    "busy": {
        "ur": "اس وقت بہت سے لوگ اپنے جوابات بھیج رہے ہیں۔ آپ کے جوابات ابھی یہیں موجود ہیں: براہ کرم ایک منٹ انتظار کریں اور پھر سے “میرے جوابات بھیجیں” دبائیں۔",
        "km": "ឥឡូវនេះមានមនុស្សច្រើនកំពុងផ្ញើចម្លើយ។ ចម្លើយរបស់អ្នកនៅតែមាននៅទីនេះ៖ សូមរង់ចាំមួយនាទី ហើយចុច “ផ្ញើចម្លើយរបស់ខ្ញុំ” ម្តងទៀត។",
        "my": "ယခု လူအများအပြား မိမိတို့၏ အဖြေများကို ပို့နေကြပါသည်။ သင့်အဖြေများ ဤနေရာတွင် ရှိနေဆဲဖြစ်သည်- ကျေးဇူးပြု၍ တစ်မိနစ်စောင့်ပြီး “ကျွန်ုပ်၏အဖြေများကို ပို့ရန်” ကို ထပ်နှိပ်ပါ။",
        "id": "Saat ini banyak orang sedang mengirim jawaban. Jawaban Anda masih ada di sini: mohon tunggu satu menit, lalu tekan “Kirim jawaban saya” lagi.",
        "tr": "Şu anda çok sayıda kişi cevaplarını gönderiyor. Cevaplarınız hâlâ burada: lütfen bir dakika bekleyip “Cevaplarımı gönder” düğmesine yeniden basın."},
    "again": {
        "ur": "یہ فارم کافی دیر تک کھلا رہا۔ آپ کے جوابات ابھی یہیں موجود ہیں: براہ کرم پھر سے “میرے جوابات بھیجیں” دبائیں۔",
        "km": "ទម្រង់នេះបានបើកយូរពេក។ ចម្លើយរបស់អ្នកនៅតែមាននៅទីនេះ៖ សូមចុច “ផ្ញើចម្លើយរបស់ខ្ញុំ” ម្តងទៀត។",
        "my": "ဤဖောင်ကို အချိန်အကြာကြီး ဖွင့်ထားခဲ့ပါသည်။ သင့်အဖြေများ ဤနေရာတွင် ရှိနေဆဲဖြစ်သည်- ကျေးဇူးပြု၍ “ကျွန်ုပ်၏အဖြေများကို ပို့ရန်” ကို ထပ်နှိပ်ပါ။",
        "id": "Formulir ini terbuka terlalu lama. Jawaban Anda masih ada di sini: mohon tekan “Kirim jawaban saya” lagi.",
        "tr": "Bu form uzun süre açık kaldı. Cevaplarınız hâlâ burada: lütfen “Cevaplarımı gönder” düğmesine yeniden basın."},
    "code": {
        "ur": "آپ کا کوڈ (اس کاغذ پر جو آپ کو دیا گیا)", "km": "លេខកូដរបស់អ្នក (នៅលើក្រដាសដែលគេបានឱ្យអ្នក)",
        "my": "သင့်ကုဒ် (သင့်အား ပေးထားသော စာရွက်ပေါ်တွင်)", "id": "Kode Anda (pada kertas yang Anda terima)",
        "tr": "Kodunuz (size verilen kâğıtta)"},
    "code_help": {
        "ur": "ہر کوڈ صرف ایک بار کام کرتا ہے۔ کوئی نہیں دیکھ سکتا کہ کون سا کوڈ کن جوابات کا ہے۔",
        "km": "លេខកូដនីមួយៗប្រើបានតែម្តងប៉ុណ្ណោះ។ គ្មាននរណាម្នាក់អាចដឹងថាលេខកូដណាជារបស់ចម្លើយណាទេ។",
        "my": "ကုဒ်တစ်ခုစီကို တစ်ကြိမ်သာ အသုံးပြုနိုင်သည်။ မည်သည့်ကုဒ်က မည်သည့်အဖြေများနှင့် သက်ဆိုင်သည်ကို မည်သူမျှ မမြင်နိုင်ပါ။",
        "id": "Setiap kode hanya berlaku satu kali. Tidak ada yang bisa melihat kode mana milik jawaban yang mana.",
        "tr": "Her kod yalnızca bir kez çalışır. Hangi kodun hangi cevaplara ait olduğunu kimse göremez."},
    "code_invalid": {
        "ur": "یہ کوڈ کام نہیں کر رہا: ہم اسے نہیں پہچانتے، یا یہ پہلے ہی استعمال ہو چکا ہے۔ براہ کرم اپنے کاغذ پر دیکھ کر اسے دوبارہ لکھیں۔ آپ کے جوابات ابھی یہیں موجود ہیں۔",
        "km": "លេខកូដនេះប្រើមិនបានទេ៖ យើងមិនស្គាល់វា ឬវាត្រូវបានប្រើរួចហើយ។ សូមពិនិត្យវានៅលើក្រដាសរបស់អ្នក ហើយវាយបញ្ចូលម្តងទៀត។ ចម្លើយរបស់អ្នកនៅតែមាននៅទីនេះ។",
        "my": "ဤကုဒ် အသုံးမပြုနိုင်ပါ- ကျွန်ုပ်တို့ မသိသော ကုဒ်ဖြစ်နေသည် သို့မဟုတ် အသုံးပြုပြီးသား ဖြစ်နေသည်။ ကျေးဇူးပြု၍ သင့်စာရွက်ပေါ်တွင် စစ်ဆေးပြီး ထပ်မံရိုက်ထည့်ပါ။ သင့်အဖြေများ ဤနေရာတွင် ရှိနေဆဲဖြစ်သည်။",
        "id": "Kode ini tidak berlaku: kami tidak mengenalnya, atau kode ini sudah dipakai. Mohon periksa kode pada kertas Anda, lalu ketik lagi. Jawaban Anda masih ada di sini.",
        "tr": "Bu kod çalışmıyor: onu tanımıyoruz ya da daha önce kullanılmış. Lütfen kâğıdınızdan kontrol edip yeniden yazın. Cevaplarınız hâlâ burada."},
    "unknown_link": {
        "ur": "ہم اس سروے کے لنک کو نہیں پہچانتے۔ براہ کرم پوسٹر پر لنک یا QR کوڈ چیک کریں۔",
        "km": "យើងមិនស្គាល់តំណការស្ទង់មតិនេះទេ។ សូមពិនិត្យតំណ ឬកូដ QR នៅលើផ្ទាំងប្រកាស។",
        "my": "ဤစစ်တမ်းလင့်ခ်ကို ကျွန်ုပ်တို့ မသိပါ။ ကျေးဇူးပြု၍ ပိုစတာပေါ်ရှိ လင့်ခ် သို့မဟုတ် QR ကုဒ်ကို စစ်ဆေးပါ။",
        "id": "Kami tidak mengenal tautan survei ini. Mohon periksa tautan atau kode QR pada poster.",
        "tr": "Bu anket bağlantısını tanımıyoruz. Lütfen afişteki bağlantıyı veya QR kodunu kontrol edin."},
    # Turkish: the site's name at the end, where no suffix has to follow it.
    "invite_lead": {
        "ur": "%(site)s میں کام کرنے والے ہر فرد کے لیے ایک سروے۔",
        "km": "ការស្ទង់មតិសម្រាប់អ្នកទាំងអស់ដែលធ្វើការនៅ %(site)s។",
        "my": "%(site)s တွင် အလုပ်လုပ်သူ အားလုံးအတွက် စစ်တမ်းတစ်ခု။",
        "id": "Survei untuk semua orang yang bekerja di %(site)s.",
        "tr": "Bu işyerinde çalışan herkes için bir anket: %(site)s."},
    "invite_about": {
        "ur": "آپ کے کام کے بارے میں چند سوالات، جیسے تنخواہ، کام کے اوقات، حفاظت اور آپ کے ساتھ کیسا سلوک ہوتا ہے۔ آپ ہاں، نہیں یا معلوم نہیں میں جواب دیتے ہیں۔ اس میں تقریباً پانچ منٹ لگتے ہیں۔",
        "km": "សំណួរមួយចំនួនអំពីការងាររបស់អ្នក ដូចជាប្រាក់ឈ្នួល ម៉ោងធ្វើការ សុវត្ថិភាព និងរបៀបដែលគេប្រព្រឹត្តចំពោះអ្នក។ អ្នកឆ្លើយថា បាទ/ចាស ទេ ឬមិនដឹង។ វាចំណាយពេលប្រហែលប្រាំនាទី។",
        "my": "လုပ်ခလစာ၊ အလုပ်ချိန်၊ ဘေးကင်းလုံခြုံရေးနှင့် သင့်အား ဆက်ဆံပုံကဲ့သို့ သင့်အလုပ်နှင့် ပတ်သက်သော မေးခွန်းအနည်းငယ်။ ဟုတ်ကဲ့၊ မဟုတ်ပါ သို့မဟုတ် မသိပါ ဟု ဖြေဆိုရပါမည်။ ငါးမိနစ်ခန့် ကြာပါသည်။",
        "id": "Beberapa pertanyaan tentang pekerjaan Anda, seperti upah, jam kerja, keselamatan, dan cara Anda diperlakukan. Anda menjawab ya, tidak, atau tidak tahu. Hanya perlu sekitar lima menit.",
        "tr": "İşinizle ilgili birkaç soru: ücret, çalışma saatleri, iş güvenliği ve size nasıl davranıldığı gibi. Evet, hayır ya da bilmiyorum diye cevap verirsiniz. Yaklaşık beş dakika sürer."},
    "invite_dates": {
        "ur": "%(start)s سے %(end)s تک کھلا ہے", "km": "បើកពី %(start)s ដល់ %(end)s",
        "my": "%(start)s မှ %(end)s အထိ ဖွင့်ထားသည်", "id": "Dibuka dari %(start)s sampai %(end)s",
        "tr": "Açık olduğu tarihler: %(start)s – %(end)s"},
    "invite_how": {
        "ur": "جواب کیسے دیں", "km": "របៀបឆ្លើយ", "my": "ဖြေဆိုပုံ", "id": "Cara menjawab",
        "tr": "Nasıl cevap verilir"},
    "invite_scan": {
        "ur": "اپنے فون کے کیمرے سے کوڈ اسکین کریں، یا یہ پتہ لکھیں:",
        "km": "ស្កេនកូដដោយប្រើកាមេរ៉ាទូរស័ព្ទរបស់អ្នក ឬវាយអាសយដ្ឋាននេះ៖",
        "my": "သင့်ဖုန်းကင်မရာဖြင့် ကုဒ်ကို စကင်ဖတ်ပါ သို့မဟုတ် ဤလိပ်စာကို ရိုက်ထည့်ပါ-",
        "id": "Pindai kode dengan kamera ponsel Anda, atau ketik alamat ini:",
        "tr": "Kodu telefonunuzun kamerasıyla tarayın veya şu adresi yazın:"},
    "invite_code": {
        "ur": "آپ کو کاغذ کی پرچی پر لکھا ایک کوڈ بھی چاہیے۔ جہاں پرچیاں بانٹی جا رہی ہیں وہاں سے ایک لے لیں: ہر کوڈ صرف ایک بار کام کرتا ہے، اور کوئی نہیں دیکھ سکتا کہ کون سا کوڈ کن جوابات کا ہے۔",
        "km": "អ្នកក៏ត្រូវការលេខកូដពីក្រដាសតូចមួយដែរ។ សូមយកមួយនៅកន្លែងដែលគេចែកក្រដាស៖ លេខកូដនីមួយៗប្រើបានតែម្តង ហើយគ្មាននរណាម្នាក់អាចដឹងថាលេខកូដណាជារបស់ចម្លើយណាទេ។",
        "my": "စာရွက်ငယ်ပေါ်ရှိ ကုဒ်တစ်ခုလည်း လိုအပ်ပါသည်။ စာရွက်များ ဝေပေးသည့်နေရာမှ တစ်ခု ယူပါ- ကုဒ်တစ်ခုစီကို တစ်ကြိမ်သာ အသုံးပြုနိုင်ပြီး မည်သည့်ကုဒ်က မည်သည့်အဖြေများနှင့် သက်ဆိုင်သည်ကို မည်သူမျှ မမြင်နိုင်ပါ။",
        "id": "Anda juga memerlukan kode dari secarik kertas. Ambil satu di tempat kertas dibagikan: setiap kode hanya berlaku satu kali, dan tidak ada yang bisa melihat kode mana milik jawaban yang mana.",
        "tr": "Bir kâğıt fişteki koda da ihtiyacınız var. Fişlerin dağıtıldığı yerden bir tane alın: her kod yalnızca bir kez çalışır ve hangi kodun hangi cevaplara ait olduğunu kimse göremez."},
    "via_phone": {
        "ur": "فون پر (کال کریں):", "km": "តាមទូរស័ព្ទ (ហៅ)៖", "my": "ဖုန်းဖြင့် (ခေါ်ဆိုပါ)-",
        "id": "Lewat telepon (hubungi):", "tr": "Telefonla (arayın):"},
    "via_whatsapp": {
        "ur": "واٹس ایپ (WhatsApp) پر:", "km": "តាម WhatsApp៖", "my": "WhatsApp ဖြင့်-",
        "id": "Lewat WhatsApp:", "tr": "WhatsApp'tan:"},
    "via_wechat": {
        "ur": "وی چیٹ (WeChat) پر:", "km": "តាម WeChat៖", "my": "WeChat ဖြင့်-",
        "id": "Lewat WeChat:", "tr": "WeChat'ten:"},
    "via_sms": {
        "ur": "میسج (SMS) کے ذریعے:", "km": "តាមសារ (SMS)៖", "my": "စာတိုဖြင့် (SMS)-",
        "id": "Lewat pesan singkat (SMS):", "tr": "Kısa mesajla (SMS):"},
    "via_web": {
        "ur": "انٹرنیٹ پر:", "km": "តាមអ៊ីនធឺណិត៖", "my": "အင်တာနက်ဖြင့်-", "id": "Lewat internet:",
        "tr": "İnternetten:"},
    "invite_voluntary": {
        "ur": "حصہ لینا رضاکارانہ ہے: حصہ نہ لینے پر آپ کو کوئی نقصان نہیں ہوگا۔ یہ گمنام ہے: ہم آپ کا نام نہیں پوچھتے، اور فیکٹری میں کوئی بھی کسی ایک شخص کے جوابات نہیں دیکھتا۔",
        "km": "ការចូលរួមគឺស្ម័គ្រចិត្ត៖ ការមិនចូលរួមមិនមានផលវិបាកអ្វីចំពោះអ្នកទេ។ វាជាអនាមិក៖ យើងមិនសួរឈ្មោះរបស់អ្នកទេ ហើយគ្មាននរណាម្នាក់នៅក្នុងរោងចក្រឃើញចម្លើយរបស់បុគ្គលម្នាក់ៗទេ។",
        "my": "ပါဝင်ဖြေဆိုခြင်းသည် မိမိဆန္ဒအလျောက် ဖြစ်သည်- ပါဝင်မဖြေဆိုခြင်းကြောင့် သင့်အတွက် မည်သည့်အကျိုးဆက်မျှ မရှိပါ။ အမည်မဖော်ပါ- သင့်အမည်ကို ကျွန်ုပ်တို့ မမေးပါ၊ စက်ရုံရှိ မည်သူမျှ တစ်ဦးချင်းစီ၏ အဖြေများကို မမြင်ရပါ။",
        "id": "Ikut serta bersifat sukarela: tidak ikut serta tidak membawa akibat apa pun bagi Anda. Survei ini anonim: kami tidak menanyakan nama Anda, dan tidak seorang pun di pabrik melihat jawaban perorangan.",
        "tr": "Katılım gönüllüdür: katılmamanın sizin için hiçbir olumsuz sonucu yoktur. Anket anonimdir: adınızı sormuyoruz ve fabrikada hiç kimse tek tek kişilerin cevaplarını görmez."},
    "invite_who": {
        "ur": "کون پوچھ رہا ہے، اور نتائج کون دیکھتا ہے", "km": "អ្នកណាជាអ្នកសួរ ហើយអ្នកណាឃើញលទ្ធផល",
        "my": "မည်သူက မေးသနည်း၊ ရလဒ်များကို မည်သူ မြင်ရသနည်း",
        "id": "Siapa yang bertanya, dan siapa yang melihat hasilnya",
        "tr": "Kim soruyor, sonuçları kim görüyor"},
    "runs_provider": {
        "ur": "%(provider)s یہ سروے %(brand)s کے لیے کر رہا ہے، جو اس فیکٹری سے مال خریدنے والا برانڈ ہے۔",
        "km": "%(provider)s ធ្វើការស្ទង់មតិនេះសម្រាប់ %(brand)s ដែលជាម៉ាកដែលទិញពីរោងចក្រនេះ។",
        "my": "%(provider)s သည် ဤစက်ရုံမှ ဝယ်ယူသော ကုန်အမှတ်တံဆိပ် %(brand)s အတွက် ဤစစ်တမ်းကို ပြုလုပ်ပါသည်။",
        "id": "%(provider)s menjalankan survei ini untuk %(brand)s, merek yang membeli dari pabrik ini.",
        "tr": "Bu anketi %(provider)s, bu fabrikadan alım yapan marka olan %(brand)s için yürütüyor."},
    "runs_brand": {
        "ur": "%(brand)s، جو اس فیکٹری سے مال خریدنے والا برانڈ ہے، یہ سروے خود اپنی سروے ویب سائٹ پر کر رہا ہے۔",
        "km": "%(brand)s ដែលជាម៉ាកដែលទិញពីរោងចក្រនេះ ធ្វើការស្ទង់មតិនេះដោយខ្លួនឯង នៅលើគេហទំព័រស្ទង់មតិរបស់ខ្លួន។",
        "my": "ဤစက်ရုံမှ ဝယ်ယူသော ကုန်အမှတ်တံဆိပ် %(brand)s သည် ဤစစ်တမ်းကို မိမိ၏ ကိုယ်ပိုင် စစ်တမ်းဝက်ဘ်ဆိုက်တွင် ကိုယ်တိုင် ပြုလုပ်ပါသည်။",
        "id": "%(brand)s, merek yang membeli dari pabrik ini, menjalankan sendiri survei ini di situs web survei miliknya.",
        "tr": "Bu fabrikadan alım yapan marka olan %(brand)s, bu anketi kendi anket web sitesinde kendisi yürütüyor."},
    "who_sees": {
        "ur": "%(brand)s اور آپ کا آجر صرف گروپ کی صورت میں نتائج دیکھتے ہیں (کتنے لوگوں نے ہاں یا نہیں کہا)، یہ کبھی نہیں کہ کس نے کیا کہا۔",
        "km": "%(brand)s និងនិយោជករបស់អ្នក ឃើញតែលទ្ធផលជាក្រុមប៉ុណ្ណោះ (ចំនួនអ្នកដែលឆ្លើយ បាទ/ចាស ឬទេ) មិនដែលឃើញថាអ្នកណានិយាយអ្វីនោះទេ។",
        "my": "%(brand)s နှင့် သင့်အလုပ်ရှင်တို့သည် အုပ်စုလိုက် ရလဒ်များကိုသာ (ဟုတ်ကဲ့ သို့မဟုတ် မဟုတ်ပါ ဟု ဖြေသူ မည်မျှရှိသည်ကို) မြင်ရပြီး မည်သူက ဘာပြောသည်ကို ဘယ်တော့မှ မမြင်ရပါ။",
        "id": "%(brand)s dan pemberi kerja Anda hanya melihat hasil per kelompok (berapa banyak yang menjawab ya atau tidak), tidak pernah siapa mengatakan apa.",
        "tr": "%(brand)s ve işvereniniz yalnızca toplu sonuçları (kaç kişinin evet ya da hayır dediğini) görür, kimin ne dediğini asla göremez."},
    "invite_back": {
        "ur": "نتائج آپ کو کب ملیں گے", "km": "ពេលណាអ្នកនឹងដឹងលទ្ធផល",
        "my": "ရလဒ်များကို မည်သည့်အချိန် သိရမည်နည်း", "id": "Kapan Anda mendapat kabar",
        "tr": "Sonuçları ne zaman öğreneceksiniz"},
    "results_back": {
        "ur": "%(end)s کو سروے بند ہونے کے بعد جوابات گنے جائیں گے۔ آپ کا آجر %(by)s تک نتائج آپ کے ساتھ شیئر کرے گا، مثال کے طور پر کام کی جگہ پر ایک پوسٹر کے ذریعے۔",
        "km": "បន្ទាប់ពីការស្ទង់មតិបិទនៅថ្ងៃ %(end)s ចម្លើយនឹងត្រូវបានរាប់។ និយោជករបស់អ្នកនឹងចែករំលែកលទ្ធផលជាមួយអ្នកត្រឹម %(by)s ឧទាហរណ៍ តាមរយៈផ្ទាំងប្រកាសនៅកន្លែងធ្វើការ។",
        "my": "%(end)s တွင် စစ်တမ်းပိတ်ပြီးနောက် အဖြေများကို ရေတွက်ပါမည်။ သင့်အလုပ်ရှင်သည် %(by)s နောက်ဆုံးထား၍ ရလဒ်များကို သင့်အား မျှဝေပါမည်၊ ဥပမာ အလုပ်ခွင်ရှိ ပိုစတာတစ်ခုဖြင့်။",
        "id": "Setelah survei ditutup pada %(end)s, jawaban akan dihitung. Pemberi kerja Anda akan menyampaikan hasilnya kepada Anda paling lambat %(by)s, misalnya melalui poster di tempat kerja.",
        "tr": "Anket %(end)s tarihinde kapandıktan sonra cevaplar sayılır. İşvereniniz sonuçları en geç %(by)s tarihine kadar sizinle paylaşacak, örneğin işyerindeki bir afişle."},
    "slip_voluntary": {
        "ur": "حصہ لینا رضاکارانہ اور گمنام ہے: حصہ نہ لینے پر کوئی نقصان نہیں ہوتا، اور فیکٹری میں کوئی بھی آپ کے جوابات نہیں دیکھتا۔",
        "km": "ការចូលរួមគឺស្ម័គ្រចិត្ត និងអនាមិក៖ ការមិនចូលរួមមិនមានផលវិបាកអ្វីទេ ហើយគ្មាននរណាម្នាក់នៅក្នុងរោងចក្រឃើញចម្លើយរបស់អ្នកទេ។",
        "my": "ပါဝင်ဖြေဆိုခြင်းသည် မိမိဆန္ဒအလျောက်ဖြစ်ပြီး အမည်မဖော်ပါ- ပါဝင်မဖြေဆိုခြင်းကြောင့် မည်သည့်အကျိုးဆက်မျှ မရှိပါ၊ စက်ရုံရှိ မည်သူမျှ သင့်အဖြေများကို မမြင်ရပါ။",
        "id": "Ikut serta bersifat sukarela dan anonim: tidak ikut serta tidak membawa akibat apa pun, dan tidak seorang pun di pabrik melihat jawaban Anda.",
        "tr": "Katılım gönüllü ve anonimdir: katılmamanın hiçbir olumsuz sonucu yoktur ve fabrikada hiç kimse cevaplarınızı görmez."},
}
for _key, _texts in _ADDED.items():
    TEXTS[_key].update(_texts)

#: Language names, in the language itself.
NAMES = {"en": "English", "nl": "Nederlands", "zh_Hans": "简体中文", "vi": "Tiếng Việt",
         "hi": "हिन्दी", "si": "සිංහල", "ta": "தமிழ்", "bn": "বাংলা",
         "ur": "اردو", "km": "ខ្មែរ", "my": "မြန်မာ", "id": "Bahasa Indonesia", "tr": "Türkçe"}


def text_for(key: str, lang: str) -> str:
    """The text in ``lang``, else English."""
    texts = TEXTS[key]
    return texts.get(lang) or texts["en"]
