namespace Dixis.Catalog.DemoData.Families;

/// <summary>The size ranges families share, smallest first, with typical prices (euro cents) and packed weights and sizes.</summary>
internal static class PackSizes
{
    public static IReadOnlyList<PackSize> OliveOil { get; } =
    [
        PackSize.Volume("250ML", "250 ml", 590, 520, 60, 60, 210),
        PackSize.Volume("500ML", "500 ml", 950, 920, 70, 70, 280),
        PackSize.Volume("750ML", "750 ml", 1350, 1300, 80, 80, 300),
        PackSize.Volume("1L", "1 l", 1690, 1100, 95, 60, 250),
        PackSize.Volume("3L", "3 l", 4400, 3050, 160, 95, 270),
        PackSize.Volume("5L", "5 l", 6800, 4900, 190, 120, 330),
    ];

    public static IReadOnlyList<PackSize> InfusedOil { get; } =
    [
        PackSize.Volume("100ML", "100 ml", 450, 260, 45, 45, 170),
        PackSize.Volume("250ML", "250 ml", 690, 520, 60, 60, 210),
        PackSize.Volume("500ML", "500 ml", 1150, 920, 70, 70, 280),
    ];

    public static IReadOnlyList<PackSize> HoneyJar { get; } =
    [
        PackSize.Weight("250G", "250 g", 750, 420, 70, 70, 90),
        PackSize.Weight("450G", "450 g", 1250, 680, 80, 80, 110),
        PackSize.Weight("950G", "950 g", 2300, 1300, 95, 95, 150),
        PackSize.Weight("5KG", "5 kg", 9800, 5400, 180, 180, 220),
    ];

    public static IReadOnlyList<PackSize> Cheese { get; } =
    [
        PackSize.Weight("250G", "250 g", 450, 290, 120, 80, 40),
        PackSize.Weight("400G", "400 g", 690, 450, 140, 90, 50),
        PackSize.Weight("1KG", "1 kg", 1590, 1100, 200, 120, 70),
        PackSize.Weight("2KG", "2 kg", 2900, 2250, 220, 140, 110),
    ];

    public static IReadOnlyList<PackSize> Wine { get; } =
    [
        PackSize.Volume("375ML", "375 ml", 750, 700, 70, 70, 250),
        PackSize.Volume("750ML", "750 ml", 1400, 1300, 80, 80, 320),
        PackSize.Volume("1500ML", "1,5 l", 3200, 2600, 110, 110, 400),
        PackSize.Pack("6X750ML", new("6 × 750 ml", "6 × 750 ml"), 7800, 8300, 260, 180, 330),
    ];

    public static IReadOnlyList<PackSize> Spirits { get; } =
    [
        PackSize.Volume("200ML", "200 ml", 650, 450, 55, 55, 180),
        PackSize.Volume("500ML", "500 ml", 1250, 950, 70, 70, 260),
        PackSize.Volume("700ML", "700 ml", 1690, 1250, 80, 80, 300),
        PackSize.Volume("1L", "1 l", 2200, 1650, 85, 85, 320),
    ];

    public static IReadOnlyList<PackSize> Herbs { get; } =
    [
        PackSize.Weight("20G", "20 g", 320, 60, 150, 100, 40),
        PackSize.Weight("50G", "50 g", 550, 100, 180, 120, 50),
        PackSize.Weight("100G", "100 g", 890, 160, 220, 140, 60),
        PackSize.Weight("250G", "250 g", 1790, 330, 260, 170, 80),
    ];

    public static IReadOnlyList<PackSize> Saffron { get; } =
    [
        PackSize.Weight("1G", "1 g", 1200, 30, 60, 60, 30),
        PackSize.Weight("2G", "2 g", 2200, 35, 60, 60, 30),
        PackSize.Weight("4G", "4 g", 4000, 45, 70, 70, 35),
    ];

    public static IReadOnlyList<PackSize> Olives { get; } =
    [
        PackSize.Weight("250G", "250 g", 420, 480, 75, 75, 110),
        PackSize.Weight("500G", "500 g", 690, 820, 85, 85, 140),
        PackSize.Weight("1KG", "1 kg", 1150, 1100, 220, 160, 50),
        PackSize.Weight("3KG", "3 kg", 2800, 3300, 160, 160, 220),
    ];

    public static IReadOnlyList<PackSize> Spread { get; } =
    [
        PackSize.Weight("180G", "180 g", 450, 350, 70, 70, 80),
        PackSize.Weight("250G", "250 g", 550, 450, 75, 75, 95),
    ];

    public static IReadOnlyList<PackSize> Pasta { get; } =
    [
        PackSize.Weight("500G", "500 g", 350, 520, 200, 140, 60),
        PackSize.Weight("1KG", "1 kg", 620, 1030, 260, 170, 80),
        PackSize.Pack("3X500G", new("3 × 500 g", "3 × 500 g"), 990, 1580, 260, 200, 150),
    ];

    public static IReadOnlyList<PackSize> Legumes { get; } =
    [
        PackSize.Weight("500G", "500 g", 390, 510, 180, 120, 50),
        PackSize.Weight("1KG", "1 kg", 720, 1020, 230, 150, 60),
        PackSize.Weight("5KG", "5 kg", 3200, 5050, 400, 280, 100),
    ];

    public static IReadOnlyList<PackSize> SweetJar { get; } =
    [
        PackSize.Weight("250G", "250 g", 550, 430, 70, 70, 90),
        PackSize.Weight("450G", "450 g", 850, 700, 80, 80, 110),
        PackSize.Weight("900G", "900 g", 1500, 1250, 95, 95, 150),
    ];

    public static IReadOnlyList<PackSize> Pasteli { get; } =
    [
        PackSize.Pack("1X40G", new("1 × 40 g", "1 × 40 g"), 120, 45, 130, 40, 10),
        PackSize.Pack("10X40G", new("10 × 40 g", "10 × 40 g"), 1050, 470, 140, 90, 60),
        PackSize.Pack("24X40G", new("24 × 40 g", "24 × 40 g"), 2300, 1100, 280, 140, 70),
    ];
}
