//! Count cases: each rule and exclusion of SPEC §6 on a sentence of its own.

use crate::lang::numeral::Approx::{self, *};

fn counts(text: &str) -> Vec<(String, f64, Option<String>, Approx)> {
    crate::Extractor::new()
        .extract("t", text)
        .counts
        .into_iter()
        .map(|c| (c.text, c.value, c.unit, c.approx))
        .collect()
}

fn c(text: &str, value: f64, unit: Option<&str>, approx: Approx) -> (String, f64, Option<String>, Approx) {
    (text.to_string(), value, unit.map(str::to_string), approx)
}

/// A count as the table states it: surface, value, unit, approximation.
type Expected = (String, f64, Option<String>, Approx);

#[rustfmt::skip]
fn cases() -> Vec<(&'static str, Vec<Expected>)> {
    vec![
        ("医院选派211名专家赴当地。", vec![c("211名专家", 211.0, Some("名"), Exact)]),
        ("为500余名当地患者提供服务。", vec![c("500余名当地患者", 500.0, Some("名"), Over)]),
        ("累计诊疗患者近6万人次。", vec![c("近6万人次", 60000.0, Some("人次"), Under)]),
        ("获得帮扶资金1210万元。", vec![c("1210万元", 1210.0, Some("万元"), Exact)]),
        ("投入资金3.5亿元。", vec![c("3.5亿元", 3.5, Some("亿元"), Exact)]),
        ("近六成为示范性教学手术。", vec![c("近六成", 60.0, Some("%"), Under)]),
        ("转诊率由6%降到了1.5%。", vec![c("6%", 6.0, Some("%"), Exact), c("1.5%", 1.5, Some("%"), Exact)]),
        ("半个小时后报告发回。", vec![c("半个小时", 0.5, Some("小时"), Exact)]),
        ("共开展手术2小时24分。", vec![c("2小时24分", 2.4, Some("小时"), Exact)]),
        ("受益群众数万人。", vec![c("数万人", 10000.0, Some("人"), About)]),
        ("数十位专家开展短期帮扶。", vec![c("数十位专家", 10.0, Some("位"), About)]),
        ("十几年共同努力。", vec![c("十几年", 10.0, Some("年"), Over)]),
        ("引入新技术百余项。", vec![c("百余项", 100.0, Some("项"), Over)]),
        ("近20名援疆专家授课。", vec![c("近20名援疆专家", 20.0, Some("名"), Under)]),
        ("上百名当地同道参加。", vec![c("上百名", 100.0, Some("名"), About)]),
        ("播放量超840万,点赞1.5万。", vec![c("超840万", 8_400_000.0, None, Over), c("1.5万", 15000.0, None, Exact)]),
        ("多条视频播放量达百万以上。", vec![c("百万以上", 1_000_000.0, None, Over)]),
        ("开展远程教育每年100堂课以上。", vec![c("100堂课以上", 100.0, Some("堂"), Over)]),
        ("巡回医疗为期20多天。", vec![c("20多天", 20.0, Some("天"), Over)]),
        ("约1000人次出院。", vec![c("约1000人次", 1000.0, Some("人次"), About)]),
        ("会诊3000余次。", vec![c("3000余次", 3000.0, Some("次"), Over)]),
        ("现场气温零下20度。", vec![c("零下20度", -20.0, Some("度"), Exact)]),
        ("四五位专家会诊。", vec![c("四五位专家", 4.0, Some("位"), About)]),
        ("一半患者来自农村。", vec![c("一半", 50.0, Some("%"), Exact)]),
        ("派出3,000余名医务人员。", vec![c("3,000余名医务人员", 3000.0, Some("名"), Over)]),
        ("连续3年开展培训。", vec![c("连续3年", 3.0, Some("年"), Exact)]),
        ("71岁的老人康复出院。", vec![c("71岁", 71.0, Some("岁"), Exact)]),
        ("在2400公里外的郑州。", vec![c("2400公里", 2400.0, Some("公里"), Exact)]),
        ("两年来,医疗队扎根基层。", vec![c("两年", 2.0, Some("年"), Exact)]),
        ("3个月的培训结束。", vec![c("3个月", 3.0, Some("月"), Exact)]),
        ("通过率提升2个百分点。", vec![c("2个百分点", 2.0, Some("个百分点"), Exact)]),
        ("1名副主任医师赴当地。", vec![c("1名副主任医师", 1.0, Some("名"), Exact)]),
        ("诊治病人不足百人。", vec![c("不足百人", 100.0, Some("人"), Under)]),
        ("超过1.2万名患者受益。", vec![c("超过1.2万名患者", 12000.0, Some("名"), Over)]),
        ("10年前,这里没有医院。", vec![c("10年", 10.0, Some("年"), Exact)]),
        ("外转率下降百分之三十。", vec![c("百分之三十", 30.0, Some("%"), Exact)]),
        ("其中超过三分之一为首次开展。", vec![c("超过三分之一", 100.0 / 3.0, Some("%"), Over)]),
        ("四分之三的患者康复。", vec![c("四分之三", 75.0, Some("%"), Exact)]),
        ("手术历时两个半小时。", vec![c("两个半小时", 2.5, Some("小时"), Exact)]),
        ("驻点一年半后返回。", vec![c("一年半", 1.5, Some("年"), Exact)]),
        // spoken and abbreviated numerals
        ("门诊量三百五人次。", vec![c("三百五人次", 350.0, Some("人次"), Exact)]),
        ("惠及群众四万二人。", vec![c("四万二人", 42000.0, Some("人"), Exact)]),
        ("筹得善款三千八元。", vec![c("三千八元", 3800.0, Some("元"), Exact)]),
        ("培训医生一百五名。", vec![c("一百五名", 150.0, Some("名"), Exact)]),
        ("服务居民十二万六人次。", vec![c("十二万六人次", 126000.0, Some("人次"), Exact)]),
        ("累计2万300人受益。", vec![c("2万300人", 20300.0, Some("人"), Exact)]),
        ("每千人床位二点五张。", vec![c("二点五张", 2.5, Some("张"), Exact)]),
        ("误差仅零点零五毫米。", vec![c("零点零五毫米", 0.05, Some("毫米"), Exact)]),
        ("死亡率下降百分之二点五。", vec![c("百分之二点五", 2.5, Some("%"), Exact)]),
        ("十名专家随队出发,效率提高十倍。", vec![c("十名专家", 10.0, Some("名"), Exact), c("十倍", 10.0, Some("倍"), Exact)]),
        ("收到捐款叁佰肆拾伍元。", vec![c("叁佰肆拾伍元", 345.0, Some("元"), Exact)]),
        ("村里捐出伍萬元。", vec![c("伍萬元", 5.0, Some("万元"), Exact)]),
        ("兩千名群眾參加。", vec![c("兩千名群眾", 2000.0, Some("名"), Exact)]),
        ("夜间最低气温负5度,白天-3℃。", vec![c("负5度", -5.0, Some("度"), Exact), c("-3℃", -3.0, Some("℃"), Exact)]),
        ("高原上零下三十度的寒夜。", vec![c("零下三十度", -30.0, Some("度"), Exact)]),
        ("一半以上的病人来自牧区。", vec![c("一半以上", 50.0, Some("%"), Over)]),
        // durations and ages
        ("他已行医二十年。", vec![c("二十年", 20.0, Some("年"), Exact)]),
        ("辗转求医大半年。", vec![c("大半年", 0.5, Some("年"), Over)]),
        ("坚守五年有余。", vec![c("五年有余", 5.0, Some("年"), Over)]),
        ("手术持续3个多小时。", vec![c("3个多小时", 3.0, Some("小时"), Over)]),
        ("住院两个多月。", vec![c("两个多月", 2.0, Some("月"), Over)]),
        ("年过七旬的老人。", vec![c("年过七旬", 70.0, Some("岁"), Over)]),
        ("他们刚三十出头。", vec![c("三十出头", 30.0, Some("岁"), Over)]),
        ("筛查0-6岁儿童。", vec![c("0-6岁", 0.0, Some("岁"), About)]),
        ("每次驻点3至5天,有时要七到十天。", vec![c("3至5天", 3.0, Some("天"), About), c("七到十天", 7.0, Some("天"), About)]),
        ("三十来位专家参加。", vec![c("三十来位专家", 30.0, Some("位"), About)]),
        ("两度获评先进,先后三次进藏。", vec![c("两度", 2.0, Some("度"), Exact), c("三次", 3.0, Some("次"), Exact)]),
        ("收治三度烧伤患者,室温二十度。", vec![]),
        // measurements and money
        ("翻越海拔4200多米的山口。", vec![c("4200多米", 4200.0, Some("米"), Over)]),
        ("切口仅2.5cm,体温升高1.5℃。", vec![c("2.5cm", 2.5, Some("cm"), Exact), c("1.5℃", 1.5, Some("℃"), Exact)]),
        ("募集资金8万余元。", vec![c("8万余元", 8.0, Some("万元"), Over)]),
        ("辐射人口360余万人。", vec![c("360余万人", 3_600_000.0, Some("人"), Over)]),
        ("年营收突破亿元。", vec![c("突破亿元", 1.0, Some("亿元"), Over)]),
        ("每队不少于4人,低于三人不能成行。", vec![c("不少于4人", 4.0, Some("人"), Over), c("低于三人", 3.0, Some("人"), Under)]),
        ("行程 1600 多公里,覆盖 6 个县。", vec![c("1600 多公里", 1600.0, Some("公里"), Over), c("6 个县", 6.0, Some("个"), Exact)]),
        ("帮扶西部五省,覆盖十二乡镇、9村。", vec![c("五省", 5.0, Some("省"), Exact), c("十二乡镇", 12.0, Some("乡镇"), Exact), c("9村", 9.0, Some("村"), Exact)]),
        ("“8年的坚守,让我离不开这里,也离不开乡亲们。”", vec![c("8年", 8.0, Some("年"), Exact)]),
        ("并发症发生率为千分之五。", vec![c("千分之五", 0.5, Some("%"), Exact)]),
        ("患儿年仅5岁半。", vec![c("5岁半", 5.5, Some("岁"), Exact)]),
        ("百分之三十左右的患者。", vec![c("百分之三十左右", 30.0, Some("%"), About)]),
        ("切口长20 cm,体温39.5°C。", vec![c("20 cm", 20.0, Some("cm"), Exact), c("39.5°C", 39.5, Some("℃"), Exact)]),
        // not counts
        ("学习十九届五中全会精神。", vec![]),
        ("他几十年如一日扎根基层。", vec![]),
        ("成千上万的群众,十年如一日,三天两头往村里跑。", vec![]),
        ("签订“两地四市”协议,两市共建,八省市联动。", vec![]),
        ("照片IMG_0312.jpg、文件scan-2.pdf。", vec![]),
        ("下午三点五十分抵达。", vec![]),
        ("第 3 批队员。", vec![]),
        ("题词“七十华诞,再创辉煌”。", vec![]),
        ("一名患者转入。", vec![]),
        ("一批专家抵达,一系列举措落地。", vec![]),
        ("第九批医疗队出发。", vec![]),
        ("医院通过三甲评审,开展三四级手术。", vec![]),
        ("二级调研员出席。", vec![]),
        ("第十三师医院。", vec![]),
        ("利用3D打印和5G技术。", vec![]),
        ("以“5+1”组团式帮扶工程为抓手。", vec![]),
        ("落实“三个全面提升”。", vec![]),
        ("湘吐两地交流,达到双赢。", vec![]),
        ("两地相距万里之遥,服务千家万户。", vec![]),
        ("几位专家、数位医生、多批队员。", vec![]),
        ("几天前,患者入院。", vec![]),
        ("2022年,医院扩建。", vec![]),
        ("电话0991-1234567,网址www.example.com/a1.html。", vec![]),
        ("十分感谢医生。", vec![]),
        ("建设五大中心。", vec![]),
        ("两县一区卫健委负责人。", vec![]),
        ("位居第四。", vec![]),
        ("首考通过率。", vec![]),
        ("成为人民满意的医院。", vec![]),
        ("所有人员到岗。", vec![]),
        // 余 between the numeral and 度 (once a slice inside 余)
        ("0余度三三。", vec![]),
    ]
}

#[test]
fn count_table() {
    super::super::assert_table(
        cases()
            .into_iter()
            .map(|(text, want)| (text.to_string(), want, counts(text))),
    );
}

#[test]
fn objects_after_and_before() {
    let r = crate::Extractor::new().extract("t", "12家远程协作医院参与会诊,门诊病人约900人次,医院床位增至36张。");
    let objects: Vec<Option<String>> = r.counts.iter().map(|c| c.object.clone()).collect();
    assert_eq!(
        objects,
        vec![
            Some("远程协作医院".into()),
            Some("门诊病人".into()),
            Some("医院床位".into())
        ]
    );
}

#[test]
fn numeral_starts_agree_with_the_cue_list() {
    use crate::extract::cues::NUMERAL_STARTS;
    for c in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
        let listed = NUMERAL_STARTS.iter().any(|n| n.chars().eq([c]));
        assert_eq!(super::is_numeral_start(c), listed, "{c:?}");
    }
}

/// A count as the record states it: text, code-point span, value, unit, object, approximation.
type Full = (String, usize, usize, f64, Option<String>, Option<String>, Approx);

fn full(text: &str) -> Vec<Full> {
    crate::Extractor::new()
        .extract("t", text)
        .counts
        .into_iter()
        .map(|c| (c.text, c.start, c.end, c.value, c.unit, c.object, c.approx))
        .collect()
}

fn f(text: &str, start: usize, value: f64, unit: &str, object: Option<&str>, approx: Approx) -> Full {
    let end = start + text.chars().count();
    (
        text.into(),
        start,
        end,
        value,
        Some(unit.into()),
        object.map(str::to_string),
        approx,
    )
}

#[test]
fn numerals_too_large_are_no_counts() {
    // 400 nines would read as infinity (`"value": null` in JSON)
    assert_eq!(full(&format!("共有{}名专家。", "9".repeat(400))), []);
    assert_eq!(full("共有12345678901234567名专家。"), []);
    assert_eq!(full("投入一亿亿亿元。"), []);
    assert_eq!(full("派出一万万万万名专家。"), []);
}

#[test]
fn repeated_scales_multiply_and_the_text_is_what_the_value_reads() {
    // 一万万万 is 10^12 (as 四万万 is 4 × 10^8), not 一万 spread over every 万
    assert_eq!(
        full("派出一万万万名专家。"),
        [f("一万万万名专家", 2, 1e12, "名", Some("专家"), Exact)]
    );
    // an alternative digit before a unit or at the end: about the first reading
    assert_eq!(
        full("三四十名专家到场。"),
        [f("三四十名专家", 0, 30.0, "名", Some("专家"), About)]
    );
    assert_eq!(
        full("二十三四岁的青年。"),
        [f("二十三四岁", 0, 23.0, "岁", None, About)]
    );
    // a digit that would replace the one before, or a trailing 零, ends the numeral there;
    // what follows is then no unit
    assert_eq!(full("十五零名专家。"), []);
    assert_eq!(full("一百零名专家。"), []);
}

#[test]
fn only_temperatures_take_the_sign_of_lingxia() {
    assert_eq!(
        full("零下1名专家到场。"),
        [f("1名专家", 2, 1.0, "名", Some("专家"), Exact)]
    );
    assert_eq!(full("现场气温零下20度。"), [f("零下20度", 4, -20.0, "度", None, Exact)]);
}

proptest::proptest! {
    /// Every count of any mix of numerals, units and words has a finite value, and its text
    /// is exactly the input between its offsets.
    #[test]
    fn values_are_finite_and_offsets_exact(
        s in "[0-9.,零〇一二两三四五六七八九十百千万亿廿半几数余多近约零下名人次元度岁年%专家患者的和,。]{0,40}"
    ) {
        let r = crate::Extractor::new().extract("t", &s);
        for c in &r.counts {
            proptest::prop_assert!(c.value.is_finite(), "{:?}", c);
            let surface: String = s.chars().skip(c.start).take(c.end - c.start).collect();
            proptest::prop_assert_eq!(&surface, &c.text);
        }
    }
}
