<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PoleaxisAlgorithm</name>
    <message>
        <source>%1: choose a field of %2.</source>
        <translation>%1：请选择 %2 中的一个字段。</translation>
    </message>
    <message>
        <source>%1: field '%2' is not in %3. Fields there: %4.</source>
        <translation>%1：字段“%2”不在 %3 中。现有字段：%4。</translation>
    </message>
    <message>
        <source>%1: field '%2' is %3, not numeric. Convert it with the Field calculator (to_real("%2")) first.</source>
        <translation>%1：字段“%2”的类型是 %3，不是数值。请先用字段计算器转换（to_real("%2")）。</translation>
    </message>
    <message>
        <source>feature %1: </source>
        <translation>要素 %1：</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <source>%1: folder %2 does not exist. Choose an existing folder.</source>
        <translation>%1：文件夹 %2 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>%1: folder %2 is not writable. Choose a folder you can write to.</source>
        <translation>%1：文件夹 %2 不可写。请选择可写入的文件夹。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PoleaxisPlugin</name>
    <message>
        <source>Pole-Axis Planner</source>
        <translation>点轴规划</translation>
    </message>
    <message>
        <source>About Pole-Axis Planner…</source>
        <translation>关于点轴规划…</translation>
    </message>
    <message>
        <source>Open %1 from the Processing Toolbox: Python support is not available.</source>
        <translation>请从处理工具箱打开 %1：Python 支持不可用。</translation>
    </message>
    <message>
        <source>About Pole-Axis Planner</source>
        <translation>关于点轴规划</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pole-Axis Planner %1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;Processing provider &lt;code&gt;poleaxis&lt;/code&gt;. Open the algorithms from the Processing Toolbox, this menu, the toolbar button, PyQGIS (processing.run) or qgis_process.</source>
        <translation>&lt;b&gt;点轴规划 %1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;处理提供程序 &lt;code&gt;poleaxis&lt;/code&gt;。可从处理工具箱、本菜单、工具栏按钮、PyQGIS（processing.run）或 qgis_process 打开各算法。</translation>
    </message>
</context>
<context>
    <name>PoleaxisProvider</name>
    <message>
        <source>Pole-Axis Planner</source>
        <translation>点轴规划</translation>
    </message>
    <message>
        <source>Pole-Axis Planner %1 (native C++)</source>
        <translation>点轴规划 %1（原生 C++）</translation>
    </message>
</context>
<context>
    <name>ServiceRadiiAlgorithm</name>
    <message>
        <source>Service radii</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>service,radius,circle,buffer,geodesic,coverage,catchment,economic circle,half-hour,town,centre,服务半径,经济圈</source>
        <translation>service,radius,circle,buffer,geodesic,coverage,catchment,economic circle,half-hour,town,centre,服务半径,经济圈,缓冲区,覆盖,测地,半小时经济圈,城镇,中心</translation>
    </message>
    <message>
        <source>Draws true geodesic service circles around centres and reports the towns and population they cover.</source>
        <translation>以中心为圆心绘制真正的测地线服务圈，并统计其覆盖的城镇与人口。</translation>
    </message>
    <message>
        <source>Draws a service circle around every centre (e.g. Jilin's half-hour economic circle of about 30 km). Circles are true geodesic circles on the WGS 84 ellipsoid: every vertex lies exactly r km from the centre along the ground, whatever the layer's CRS, and areas are ellipsoidal km². Output is written in the input CRS.

&lt;b&gt;Radius from&lt;/b&gt; (km):
- fixed: r = Radius;
- field: r = the centre's Radius field;
- level table: r = table[level], table written as level=km;… e.g. 1=30;2=15;3=8 (numeric levels match by value);
- travel time × speed: r = minutes ÷ 60 × km/h (30 min × 60 km/h = 30 km);
- power law: r = a·P^b from population P (a = 0.1, b = 0.5 gives 30 km for 90,000 people).

&lt;b&gt;Segments&lt;/b&gt;: vertices per circle (72 = every 5°). The polygon is inscribed: its area is n/(2π)·sin(2π/n) of the circle's (99.87 % for 72).

&lt;b&gt;Dissolve&lt;/b&gt;: none (one circle per centre, with its attributes), by level (one area per value of the Level field) or all (one area). The union feeds the overlay only circle parts that can reach the boundary, then fills enclosed holes that a circle covers.

&lt;b&gt;Study area&lt;/b&gt; (optional polygons): circles are clipped to it and &lt;b&gt;Gaps&lt;/b&gt; receives the uncovered part, largest first.

&lt;b&gt;Demand&lt;/b&gt; (optional points, e.g. all towns) with an optional population field: a point is covered when its geodesic distance to a centre is at most that centre's radius. Outputs COVERED_PCT (% of demand points covered), DEMAND_COVERED, POP_COVERED, POP_COVERED_PCT, and per circle n_demand and pop_demand; the demand output adds n_cover (how many circles cover the point), near_fid and dist_km (nearest centre).

Circles that cross the antimeridian are split there; a circle that would contain a pole is refused. Centres without geometry are skipped and counted; a centre without a usable radius stops the run (or is skipped with Skip centres without a valid radius).</source>
        <translation>为每个中心绘制服务圈（例如吉林市约 30 公里的“半小时经济圈”）。服务圈是 WGS 84 椭球面上真正的测地线圆：无论图层使用何种坐标参考系，每个顶点沿地面到中心的距离都恰好为 r 公里，面积为椭球面积（平方公里）。输出采用输入图层的坐标参考系。

&lt;b&gt;半径依据&lt;/b&gt;（公里）：
- 固定半径：r = 半径；
- 半径字段：r = 中心的半径字段值；
- 等级对照表：r = 表[等级]，写作 等级=公里;… 例如 1=30;2=15;3=8（数值等级按数值匹配）；
- 出行时间 × 速度：r = 分钟 ÷ 60 × 公里/小时（30 分钟 × 60 公里/小时 = 30 公里）；
- 幂函数：由人口 P 计算 r = a·P^b（a = 0.1、b = 0.5 时，9 万人对应 30 公里）。

&lt;b&gt;分段数&lt;/b&gt;：每个圆的顶点数（72 即每 5° 一个）。多边形内接于圆，其面积为圆面积的 n/(2π)·sin(2π/n)（72 段时为 99.87 %）。

&lt;b&gt;融合&lt;/b&gt;：不融合（每个中心一个圆，保留其属性）、按等级（等级字段每个取值一个区域）或全部（一个区域）。合并时只将可能构成边界的圆弧部分送入叠加运算，再填补被某个圆覆盖的封闭空洞。

&lt;b&gt;研究区&lt;/b&gt;（可选，多边形）：服务圈被裁剪到研究区内，&lt;b&gt;空白区&lt;/b&gt;输出未覆盖部分，按面积从大到小排列。

&lt;b&gt;需求点&lt;/b&gt;（可选，点，例如全部城镇）及可选的人口字段：当需求点到某中心的测地距离不超过该中心的半径时，视为被覆盖。输出 COVERED_PCT（被覆盖需求点百分比）、DEMAND_COVERED、POP_COVERED、POP_COVERED_PCT，以及每个服务圈的 n_demand 和 pop_demand；需求覆盖输出增加 n_cover（覆盖该点的圆的个数）、near_fid 和 dist_km（最近中心）。

跨越 180° 经线的圆在该处拆分；包含极点的圆会被拒绝。没有几何的中心会被跳过并计数；没有可用半径的中心会使运行停止（勾选“跳过没有有效半径的中心”则跳过）。</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Radius from</source>
        <translation>半径依据</translation>
    </message>
    <message>
        <source>Fixed radius</source>
        <translation>固定半径</translation>
    </message>
    <message>
        <source>Radius field</source>
        <translation>半径字段</translation>
    </message>
    <message>
        <source>Level table</source>
        <translation>等级对照表</translation>
    </message>
    <message>
        <source>Travel time × speed</source>
        <translation>出行时间 × 速度</translation>
    </message>
    <message>
        <source>Power law a·P^b</source>
        <translation>幂函数 a·P^b</translation>
    </message>
    <message>
        <source>Radius (km)</source>
        <translation>半径（公里）</translation>
    </message>
    <message>
        <source>Radius field (km)</source>
        <translation>半径字段（公里）</translation>
    </message>
    <message>
        <source>Level field</source>
        <translation>等级字段</translation>
    </message>
    <message>
        <source>Level table (level=km;…)</source>
        <translation>等级对照表（等级=公里;…）</translation>
    </message>
    <message>
        <source>Travel time (minutes)</source>
        <translation>出行时间（分钟）</translation>
    </message>
    <message>
        <source>Speed (km/h)</source>
        <translation>速度（公里/小时）</translation>
    </message>
    <message>
        <source>Population field (power law)</source>
        <translation>人口字段（幂函数）</translation>
    </message>
    <message>
        <source>Power law a (km)</source>
        <translation>幂函数系数 a（公里）</translation>
    </message>
    <message>
        <source>Power law b</source>
        <translation>幂函数指数 b</translation>
    </message>
    <message>
        <source>Segments per circle</source>
        <translation>每个圆的分段数</translation>
    </message>
    <message>
        <source>Dissolve</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不融合</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Demand points (e.g. towns)</source>
        <translation>需求点（如城镇）</translation>
    </message>
    <message>
        <source>Demand population field</source>
        <translation>需求点人口字段</translation>
    </message>
    <message>
        <source>Skip centres without a valid radius</source>
        <translation>跳过没有有效半径的中心</translation>
    </message>
    <message>
        <source>Service circles</source>
        <translation>服务圈</translation>
    </message>
    <message>
        <source>Gaps (study area not covered)</source>
        <translation>空白区（研究区内未覆盖部分）</translation>
    </message>
    <message>
        <source>Demand coverage</source>
        <translation>需求覆盖</translation>
    </message>
    <message>
        <source>Number of circles</source>
        <translation>服务圈数量</translation>
    </message>
    <message>
        <source>Demand points covered (%)</source>
        <translation>被覆盖需求点比例（%）</translation>
    </message>
    <message>
        <source>Demand points covered</source>
        <translation>被覆盖需求点数</translation>
    </message>
    <message>
        <source>Population covered</source>
        <translation>被覆盖人口</translation>
    </message>
    <message>
        <source>Population covered (%)</source>
        <translation>被覆盖人口比例（%）</translation>
    </message>
    <message>
        <source>Study area covered (%)</source>
        <translation>研究区覆盖率（%）</translation>
    </message>
    <message>
        <source>INPUT: the centres layer has no features.</source>
        <translation>INPUT：中心图层没有要素。</translation>
    </message>
    <message>
        <source>Reading centres</source>
        <translation>正在读取中心</translation>
    </message>
    <message>
        <source>Fix the value, filter those centres out, or tick Skip centres without a valid radius</source>
        <translation>请修正该值、筛除这些中心，或勾选“跳过没有有效半径的中心”</translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) without geometry skipped.</source>
        <translation><numerusform>已跳过 %n 个没有几何的中心。</numerusform></translation>
    </message>
    <message>
        <source>%1 centre(s) without a valid radius skipped: feature ids %2.</source>
        <translation>已跳过 %1 个没有有效半径的中心：要素编号 %2。</translation>
    </message>
    <message>
        <source>INPUT: no centre has both a geometry and a valid radius.</source>
        <translation>INPUT：没有任何中心同时具有几何和有效半径。</translation>
    </message>
    <message>
        <source>Reading study area</source>
        <translation>正在读取研究区</translation>
    </message>
    <message>
        <source>STUDY_AREA: the layer has no polygon with an area.</source>
        <translation>STUDY_AREA：该图层没有具有面积的多边形。</translation>
    </message>
    <message>
        <source>Reading demand points</source>
        <translation>正在读取需求点</translation>
    </message>
    <message numerus="yes">
        <source>%n demand point(s) without geometry skipped.</source>
        <translation><numerusform>已跳过 %n 个没有几何的需求点。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n demand point(s) with NULL population counted as 0.</source>
        <translation><numerusform>%n 个需求点人口为空，按 0 计。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Building %n geodesic circle(s)</source>
        <translation><numerusform>正在生成 %n 个测地线圆</numerusform></translation>
    </message>
    <message>
        <source>Use a smaller radius or a projected polar layer for centres near the poles</source>
        <translation>对靠近两极的中心，请使用较小的半径或极地投影图层</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Geometry engine error: %1</source>
        <translation>几何引擎错误：%1</translation>
    </message>
    <message>
        <source>Union: %1 circle(s) lie wholly inside neighbours, %2 trimmed; %3 of %4 vertices overlaid; %5 enclosed hole(s) filled.</source>
        <translation>合并：%1 个圆完全位于相邻圆内，%2 个被裁剪；参与叠加的顶点 %3 / %4；填补了 %5 个封闭空洞。</translation>
    </message>
    <message numerus="yes">
        <source>%n circle(s) lie wholly outside the study area and were left out.</source>
        <translation><numerusform>%n 个圆完全位于研究区之外，已略去。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Study area %1 km², covered %2 km² (%3 %), %n gap(s).</source>
        <translation><numerusform>研究区 %1 平方公里，已覆盖 %2 平方公里（%3 %），空白区 %n 处。</numerusform></translation>
    </message>
    <message>
        <source>No study area given, so no gaps layer.</source>
        <translation>未提供研究区，因此不生成空白区图层。</translation>
    </message>
    <message>
        <source>Demand: %1 of %2 points covered (%3 %); population %4 of %5 (%6 %).</source>
        <translation>需求：%2 个点中有 %1 个被覆盖（%3 %）；人口 %5 中有 %4 被覆盖（%6 %）。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n service area(s).</source>
        <translation><numerusform>已写出 %n 个服务区。</numerusform></translation>
    </message>
</context>
<context>
    <name>conversion</name>
    <message>
        <source>%1: feature %2 is not a point. Use a point layer, or run Centroids first.</source>
        <translation>%1：要素 %2 不是点。请使用点图层，或先运行“质心”。</translation>
    </message>
    <message>
        <source>%1: feature %2 is a multipoint with %3 parts. Split it with Multipart to singleparts first.</source>
        <translation>%1：要素 %2 是包含 %3 个部分的多点。请先用“多部分转单部分”拆分。</translation>
    </message>
    <message>
        <source>%1: feature %2 cannot be transformed to WGS 84: %3</source>
        <translation>%1：要素 %2 无法转换到 WGS 84：%3</translation>
    </message>
    <message>
        <source>%1: feature %2 lies outside the globe (%3, %4 in WGS 84). Check the layer's CRS.</source>
        <translation>%1：要素 %2 位于地球范围之外（WGS 84 中为 %3, %4）。请检查图层的坐标参考系。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>%1: feature %2 is not a polygon.</source>
        <translation>%1：要素 %2 不是多边形。</translation>
    </message>
    <message>
        <source>%1: the layer has no coordinate reference system. Set it in Layer Properties ▸ Source, or run Assign projection first.</source>
        <translation>%1：该图层没有坐标参考系。请在“图层属性 ▸ 源”中设置，或先运行“指定投影”。</translation>
    </message>
</context>
</TS>