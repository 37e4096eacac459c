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
    "poster_agreed": {
        "en": "What was agreed:", "nl": "Wat er is afgesproken:", "zh_Hans": "商定的内容：",
        "vi": "Những điều đã thống nhất:", "hi": "क्या तय हुआ:", "si": "එකඟ වූ දේ:",
        "ta": "ஒப்புக்கொள்ளப்பட்டவை:", "bn": "যা ঠিক হয়েছে:"},
    "owner_brand": {
        "en": "The company", "nl": "Het bedrijf", "zh_Hans": "企业", "vi": "Công ty",
        "hi": "कंपनी", "si": "සමාගම", "ta": "நிறுவனம்", "bn": "কোম্পানি"},
    "owner_supplier": {
        "en": "The supplier", "nl": "De leverancier", "zh_Hans": "供应商", "vi": "Nhà cung cấp",
        "hi": "आपूर्तिकर्ता", "si": "සැපයුම්කරු", "ta": "விநியோகஸ்தர்", "bn": "সরবরাহকারী"},
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
    "busy": {
        "en": "Many people are sending their answers right now. Your answers are still here: please wait a minute and press Send again.",
        "nl": "Veel mensen sturen nu hun antwoorden. Je antwoorden staan er nog: wacht een minuut en druk opnieuw op Versturen.",
        "zh_Hans": "现在有很多人正在提交回答。您的回答仍然保留：请等一分钟后再次点击提交。",
        "vi": "Hiện có nhiều người đang gửi câu trả lời. Câu trả lời của bạn vẫn còn đây: vui lòng đợi một phút rồi nhấn Gửi lại.",
        "hi": "अभी बहुत से लोग अपने उत्तर भेज रहे हैं। आपके उत्तर अभी भी यहाँ हैं: कृपया एक मिनट रुकें और फिर से भेजें दबाएँ।",
        "si": "දැන් බොහෝ දෙනෙක් තම පිළිතුරු යවමින් සිටිති. ඔබේ පිළිතුරු තවමත් මෙහි ඇත: කරුණාකර මිනිත්තුවක් රැඳී සිට නැවත යවන්න ඔබන්න.",
        "ta": "இப்போது பலர் தங்கள் பதில்களை அனுப்புகிறார்கள். உங்கள் பதில்கள் இன்னும் இங்கே உள்ளன: ஒரு நிமிடம் காத்திருந்து மீண்டும் அனுப்பு என்பதை அழுத்தவும்.",
        "bn": "এখন অনেকে তাদের উত্তর পাঠাচ্ছেন। আপনার উত্তর এখনও এখানে আছে: এক মিনিট অপেক্ষা করে আবার পাঠান চাপুন।"},
    "again": {
        "en": "This form was open for a long time. Your answers are still here: please press Send again.",
        "nl": "Dit formulier stond lang open. Je antwoorden staan er nog: druk opnieuw op Versturen.",
        "zh_Hans": "此表单打开的时间太长了。您的回答仍然保留：请再次点击提交。",
        "vi": "Biểu mẫu này đã mở quá lâu. Câu trả lời của bạn vẫn còn đây: vui lòng nhấn Gửi lại.",
        "hi": "यह फ़ॉर्म बहुत देर तक खुला रहा। आपके उत्तर अभी भी यहाँ हैं: कृपया फिर से भेजें दबाएँ।",
        "si": "මෙම පෝරමය දිගු වේලාවක් විවෘතව තිබුණි. ඔබේ පිළිතුරු තවමත් මෙහි ඇත: කරුණාකර නැවත යවන්න ඔබන්න.",
        "ta": "இந்தப் படிவம் நீண்ட நேரம் திறந்திருந்தது. உங்கள் பதில்கள் இன்னும் இங்கே உள்ளன: மீண்டும் அனுப்பு என்பதை அழுத்தவும்.",
        "bn": "এই ফর্মটি অনেকক্ষণ খোলা ছিল। আপনার উত্তর এখনও এখানে আছে: আবার পাঠান চাপুন।"},
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
}

#: Language names, in the language itself.
NAMES = {"en": "English", "nl": "Nederlands", "zh_Hans": "简体中文", "vi": "Tiếng Việt",
         "hi": "हिन्दी", "si": "සිංහල", "ta": "தமிழ்", "bn": "বাংলা"}


def text_for(key: str, lang: str) -> str:
    """The text in ``lang``, else English."""
    texts = TEXTS[key]
    return texts.get(lang) or texts["en"]
